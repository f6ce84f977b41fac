interface NewUser {
  name: string;
  email: string;
  createdAt: Date;
}

export function buildUser(name: string, emailAddress: string): NewUser {
  return { name, email, createdAt: new Date() };
}
