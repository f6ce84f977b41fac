#!/usr/bin/env node
// Monthly expense summary: node report.js --month 2026-02
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const month = args[args.indexOf('--month') + 1];
const expenses = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'expenses.json'), 'utf8'));

const inMonth = expenses.filter((e) => e.date.startsWith(month));
const total = inMonth.map((e) => e.amount).reduce((sum, amount) => sum + amount);
const biggest = inMonth.reduce((a, b) => (a.amount > b.amount ? a : b));

console.log(`${month}: ${inMonth.length} expenses, total ${total.toFixed(2)} EUR`);
console.log(`biggest: ${biggest.description} (${biggest.amount} EUR)`);
