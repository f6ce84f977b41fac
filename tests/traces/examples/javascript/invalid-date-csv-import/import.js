// Imports bank transactions exported as CSV (day/month/year dates).
const fs = require('fs');

const rows = fs.readFileSync('transactions.csv', 'utf8').trim().split('\n').slice(1);
const transactions = rows.map((line) => {
  const [date, description, amount] = line.split(',');
  return {
    bookedAt: new Date(date).toISOString(),
    description,
    amount: Number(amount),
  };
});
console.log(JSON.stringify(transactions, null, 2));
