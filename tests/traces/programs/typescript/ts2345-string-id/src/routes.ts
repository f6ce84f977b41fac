interface Order {
  id: number;
  total: number;
}

const orders: Order[] = [
  { id: 1001, total: 59.9 },
  { id: 1002, total: 12.5 },
];

function findOrder(id: number): Order | undefined {
  return orders.find((o) => o.id === id);
}

export function handleGetOrder(params: Record<string, string>) {
  return findOrder(params.orderId) ?? { error: 'not found' };
}
