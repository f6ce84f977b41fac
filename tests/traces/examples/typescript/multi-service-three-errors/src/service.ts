import { Invoice, totalCents } from "./invoice";

function applyCoupon(total: number, percent: number): number {
  return Math.round(total * (1 - percent / 100));
}

export function charge(inv: Invoice, coupon) {
  const total = applyCoupon(totalCents(inv), coupon.percent, true);
  console.log(`charging ${inv.customer} ${total}`);
  return total;
}
