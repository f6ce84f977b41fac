const stock: Record<string, number> = { apples: 4, pears: 0 };

export function lowStock(): string[] {
  const low: string[] = [];
  for (const [name, qty] of stock) {
    if (qty < 5) low.push(name);
  }
  return low;
}
