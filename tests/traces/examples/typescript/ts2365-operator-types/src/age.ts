export function isExpired(expiresAt: Date, now: Date): boolean {
  return now - expiresAt > 0;
}

export function addDays(d: Date, days: number) {
  return d + days * 86_400_000;
}
