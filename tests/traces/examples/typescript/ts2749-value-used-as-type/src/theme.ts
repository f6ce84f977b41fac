export const defaultTheme = {
  primary: "#0055ff",
  radius: 4,
};

export function merge(overrides: Partial<defaultTheme>): defaultTheme {
  return { ...defaultTheme, ...overrides };
}
