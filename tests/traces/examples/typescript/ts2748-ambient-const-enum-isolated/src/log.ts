import { Level } from "./levels";

export function shouldLog(level: number): boolean {
  return level >= Level.Info;
}
