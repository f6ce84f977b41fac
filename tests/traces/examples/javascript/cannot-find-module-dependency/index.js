require('dotenv').config();
const dayjs = require('dayjs');

console.log(`report for ${dayjs().format('YYYY-MM-DD')}`);
