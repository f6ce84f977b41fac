interface Forecast {
  temperatureC: number;
  summary: string;
}

export function show(f: Forecast): string {
  const fahrenheit = f.temperatureC * 9 / 5 + 32;
  return `${f.sumary}: ${fahrenheit.toFixed(1)}F (${celcius}C)`;
}
