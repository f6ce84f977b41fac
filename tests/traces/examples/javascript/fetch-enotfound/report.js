const API = process.env.PAYMENTS_API || 'http://payments-api.internal:8080';

const res = await fetch(`${API}/v1/payouts?status=pending`);
const payouts = await res.json();
console.log(`${payouts.length} pending payouts`);
