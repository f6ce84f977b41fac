const config = require('./config');
console.log('connecting to', config.databaseUrl);
