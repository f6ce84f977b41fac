export const ENABLE_BETA: boolean;

export function isEnabled(name: string): boolean {
  return name === "beta" ? ENABLE_BETA : false;
}
