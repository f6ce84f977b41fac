const { loadConfig } = require('./config');

const env = process.env.APP_ENV || 'development';
console.log(`[worker] booting in ${env} mode`);

loadConfig(env).then((config) => {
  console.log(`[worker] polling queue ${config.queueUrl} every ${config.pollMs}ms`);
});
