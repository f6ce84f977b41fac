// Balances come from the bookkeeping export as BigInt (they exceed Number.MAX_SAFE_INTEGER for some accounts).
const accounts = new Map([
  ['acc-1001', { id: 'acc-1001', balanceCents: 9007199254740993n }],
  ['acc-1002', { id: 'acc-1002', balanceCents: 125000n }],
]);

module.exports = {
  find: (id) => accounts.get(id),
};
