export function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.floor(sorted.length * 0.95);
  return sortd[index];
}
