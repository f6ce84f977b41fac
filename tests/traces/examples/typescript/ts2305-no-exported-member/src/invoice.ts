import { formatCents, parseCents } from "./money";

export function line(label: string, amount: string): string {
  return `${label}: ${formatCents(parseCents(amount))}`;
}
