const users = [{ id: 1, email: 'ana@example.org' }];

export async function findUser(id) {
  return users.find((u) => u.id === id) ?? null;
}
