const orders = [{ total: 12.5 }, { total: 40 }, { total: 7.25 }];

let total = 0;
for (const o of orders) total += o.total;

// merged from the discounts branch
let total = orders.reduce((sum, o) => sum + o.total, 0) * 0.9;

console.log(total.toFixed(2));
