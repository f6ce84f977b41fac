export function celsiusToF(c: number): number {
  return c * 9 / 5 + 32;
}

double freezing = celsiusToF(0);
console.log(freezing);
