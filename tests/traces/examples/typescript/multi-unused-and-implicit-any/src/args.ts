import { argv, env, exit } from "node:process";

export function parseArgs(args) {
  const flags = {};
  let positional = [];
  for (const a of args) {
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=");
      flags[k] = v ?? true;
    }
  }
  return flags;
}

console.log(parseArgs(argv.slice(2)));
