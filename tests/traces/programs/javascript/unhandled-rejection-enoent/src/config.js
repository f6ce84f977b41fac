const fs = require('fs/promises');
const path = require('path');

async function loadConfig(env) {
  const file = path.join(__dirname, '..', 'config', `${env}.json`);
  const raw = await fs.readFile(file, 'utf8');
  return JSON.parse(raw);
}

module.exports = { loadConfig };
