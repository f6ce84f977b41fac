interface Order {
  id: string;
  items: { sku: string; qty: number }[];
  total: number;
}

export function summary(o: Order): string {
  return `${o.id}: ${o.items.length} items, ${o.total} (${o.currency})`;
}
