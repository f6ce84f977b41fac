export function total(prices: number[], taxRate: number): number {
  const subtotal = prices.reduce((a, b) => a + b, 0);
  const tax = subtotal * ;
  return subtotal + tax;
}
