const fs = require('fs');
const path = require('path');

const env = process.env.NODE_ENV || 'development';
const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'config', `${env}.json`), 'utf8'));

console.log(`starting on :${config.port}`);
