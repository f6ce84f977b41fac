export interface Account {
  id: number;
  email: string;
  displayName?: string;
}

export function greeting(account: Account): string {
  const name: string = account.displayName;
  return `Hi ${name}, welcome back!`;
}
