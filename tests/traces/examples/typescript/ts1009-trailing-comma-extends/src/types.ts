export interface User {
  id: string;
  email: string;
}

export interface Auditable {
  createdAt: Date;
  updatedAt: Date;
}

// an admin is a user with audit fields
export interface AdminUser extends User, Auditable, {}

export function describe(a: AdminUser): string {
  return `${a.email} (since ${a.createdAt.toISOString()})`;
}
