const delays = { short: "100", long: "5000" };

export function later(fn: () => void): void {
  setTimeout(fn, delays.long);
}
