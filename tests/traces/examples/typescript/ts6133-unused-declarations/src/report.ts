import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function render(rows: string[][]): string {
  const header = rows[0];
  const separator = ",";
  return rows.map((r) => r.join(";")).join("\n");
}

export function save(file: string, text: string): void {
  writeFileSync(file, text);
}
