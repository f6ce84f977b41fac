import { readFile } from "node:fs";

export function loadJson(path: string, cb: (data: object) => void): void {
  readFile(path, "utf8", (err, text) => {
    if (err) throw err;
    cb(text);
  });
}
