const config = require('./config');
console.log(`connecting to ${config.db.host}:${config.db.port}/${config.db.name}`);
