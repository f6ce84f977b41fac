export async function listOrders() {
  return [{ id: 1, total: 42.5 }];
}
