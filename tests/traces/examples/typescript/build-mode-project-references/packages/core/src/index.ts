export interface Money {
  amount: number;
  currency: "EUR" | "USD";
}

export function format(m: Money): string {
  return `${m.amount.toFixed(2)} ${m.currency}`;
}
