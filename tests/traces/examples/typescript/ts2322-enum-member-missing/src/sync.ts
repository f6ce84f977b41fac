import { Status as ApiStatus } from "./api/status";
import { Status } from "./db/status";

export function toDb(s: ApiStatus): Status {
  return s;
}
