export function applyDiscount(total: number, percent: number, capEur: number): number {
  return total - Math.min((total * percent) / 100, capEur);
}

export const price = applyDiscount(240, 15);
