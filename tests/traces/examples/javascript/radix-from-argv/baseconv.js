#!/usr/bin/env node
// usage: baseconv <number> <base>    e.g. baseconv 255 16
const [value, base] = process.argv.slice(2);
console.log(Number(value).toString(Number(base)));
