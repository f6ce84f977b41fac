export function vat(country: string, net: number): number {
  let rate: number;
  if (country === "DE") {
    rate = 0.19;
  } else if (country === "FR") {
    rate = 0.2;
  }
  return net * rate;
}
