import { formatPrice } from './utils/format';

export interface CartLine {
  sku: string;
  unitPrice: number;
  qty: number;
}

export function cartSummary(lines: CartLine[]): string {
  const total = lines.reduce((sum, l) => sum + l.unitPrice * l.qty, 0);
  const shipping = total > 50 ? 0 : 4.9;
  return `${lines.length} items, ${formatPrice(total + shiping)}`;
}
