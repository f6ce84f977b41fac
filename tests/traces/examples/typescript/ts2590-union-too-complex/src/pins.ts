type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
export type Pin = `${Digit}${Digit}${Digit}${Digit}${Digit}${Digit}`;

export function isPin(s: string): s is Pin {
  return /^\d{6}$/.test(s);
}
