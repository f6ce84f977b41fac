// Imports opening balances (in cents) from the old system's CSV.
const fs = require('fs');

const rows = fs.readFileSync('balances.csv', 'utf8').trim().split('\n').slice(1);
let sum = 0n;
for (const row of rows) {
  const [account, balance] = row.split(';');
  sum += BigInt(balance);
  console.log(account, balance);
}
console.log('sum', sum);
