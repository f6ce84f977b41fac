import { readdir } from 'node:fs/promises';

for (const file of await readdir('migrations')) {
  console.log('would run', file);
}
