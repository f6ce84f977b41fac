import config from './config.js';

if (process.env.PORT) {
  config.port = Number(process.env.PORT);
}

console.log(`notify-service on :${config.port}`);
