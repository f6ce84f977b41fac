const { PaymentError } = require('./errors');

function charge(card, amount) {
  if (card.expired) {
    throw new PaymentError('card_expired', `card ending ${card.last4} has expired`);
  }
  return { ok: true, amount };
}

try {
  charge({ last4: '4242', expired: true }, 1999);
} catch (err) {
  console.error(`charge failed: [${err.code}] ${err.message}`);
}
