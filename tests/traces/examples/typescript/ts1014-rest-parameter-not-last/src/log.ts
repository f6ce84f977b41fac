type Level = "debug" | "info" | "warn";

export function log(...parts: unknown[], level: Level = "info"): void {
  console.log(`[${level}]`, ...parts);
}
