interface Profile {
  name: string;
  city: string;
}

export function label(p: Profile): string {
  const city = p.;
  return `${p.name} (${city})`;
}
