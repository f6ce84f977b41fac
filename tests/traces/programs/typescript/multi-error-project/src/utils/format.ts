import { readFileSync } from 'fs';

export function formatPrice(amount, currency = 'EUR') {
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(amount);
}
