interface ApiUser {
  id: number;
  profile: {
    displayName: string;
    age: number;
  };
}

const raw = {
  id: 7,
  profile: { displayName: "jonas", age: "41" },
};

export const user: ApiUser = raw;
