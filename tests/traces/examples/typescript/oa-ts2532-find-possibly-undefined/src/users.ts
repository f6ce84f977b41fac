interface User {
  id: number;
  email: string;
}

const users: User[] = [{ id: 1, email: "a@example.com" }];

export function emailOf(id: number): string {
  return users.find((u) => u.id === id).email;
}
