// Prints prices with the number of significant digits configured per currency.
const currencies = { EUR: { digits: 4 }, JPY: { digits: 0 } };

function formatPrice(amount, currency) {
  const { digits } = currencies[currency];
  return `${amount.toPrecision(digits)} ${currency}`;
}

for (const [amount, cur] of [[19.9, 'EUR'], [2480, 'JPY']]) {
  console.log(formatPrice(amount, cur));
}
