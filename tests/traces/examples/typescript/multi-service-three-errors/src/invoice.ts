export interface LineItem {
  sku: string;
  qty: number;
  unitCents: number;
}

export interface Invoice {
  id: string;
  customerId: string;
  items: LineItem[];
}

export function totalCents(inv: Invoice): number {
  return inv.items.reduce((sum, i) => sum + i.qty * i.unitCents, 0);
}
