// Exports customers from the CRM's JSON dump to CSV.
const fs = require('fs');

const dump = JSON.parse(fs.readFileSync('crm-dump.json', 'utf8'));
const customers = dump.data.customers; // keyed by customer id

const lines = customers.map((c) => [c.id, c.name, c.email].join(';'));
fs.writeFileSync('customers.csv', ['id;name;email', ...lines].join('\n'));
console.log(`wrote ${lines.length} customers`);
