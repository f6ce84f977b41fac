interface Booking {
  guest: string;
  checkIn: string | null;
}

export function nightsUntil(b: Booking): number {
  const start = new Date(b.checkIn);
  return Math.ceil((start.getTime() - Date.now()) / 86_400_000);
}
