const fs = require('fs/promises');
const path = require('path');

async function applyMigration(file) {
  const sql = await fs.readFile(file, 'utf8');
  console.log(`applying ${path.basename(file)} (${sql.length} bytes)`);
}

async function run(dir) {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  files.forEach((f) => {
    await applyMigration(path.join(dir, f));
  });
}

run(path.join(__dirname, 'migrations'));
