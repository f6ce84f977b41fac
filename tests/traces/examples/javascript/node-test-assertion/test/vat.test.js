const test = require('node:test');
const assert = require('node:assert');
const { addVat } = require('../vat');

test('adds 21% VAT', () => {
  assert.strictEqual(addVat(100), 121);
});

test('reduced rate', () => {
  assert.strictEqual(addVat(10, 0.06), 10.6);
});

test('rounds to cents', () => {
  assert.strictEqual(addVat(19.99), 24.18);
});
