#!/usr/bin/env node
// loggrep <pattern> <files...> : prints matching lines
const fs = require('fs');

const [pattern, ...files] = process.argv.slice(2);
const re = new RegExp(pattern);
for (const file of files) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (re.test(line)) console.log(`${file}: ${line}`);
  }
}
