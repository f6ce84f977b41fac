type Zone = "eu" | "us" | "asia";

export function rate(zone: Zone, kg: number): number {
  if (zone === "eu") {
    return 4.5 * kg;
  } else if (zone === "us") {
    return 7 * kg;
  }
}
