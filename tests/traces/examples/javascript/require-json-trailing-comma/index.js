const config = require('./config.json');

console.log(`deploying ${config.service} to ${config.targets.length} hosts`);
