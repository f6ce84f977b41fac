import { readdirSync, renameSync } from "fs";

const dir = process.argv[2];
for (const name of readdirSync(dir)) {
  const target = name.toLowerCase().replaceAll(" ", "-");
  renameSync(`${dir}/${name}`, `${dir}/${target}`);
}
