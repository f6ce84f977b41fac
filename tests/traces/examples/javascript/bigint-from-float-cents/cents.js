// Converts catalogue prices to integer cents for the payment provider.
const prices = { 'MUG-01': 12.5, 'TSHIRT-M': 19.99 };

for (const [sku, price] of Object.entries(prices)) {
  const cents = BigInt(price * 100);
  console.log(sku, cents);
}
