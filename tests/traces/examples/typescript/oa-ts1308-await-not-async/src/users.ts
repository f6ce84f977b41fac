export function loadUsers(): string[] {
  const res = await fetch("https://api.example.com/users");
  return [];
}
