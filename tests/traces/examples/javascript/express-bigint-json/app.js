const express = require('express');
const ledger = require('./ledger');

const app = express();

app.get('/api/accounts/:id/balance', (req, res) => {
  const account = ledger.find(req.params.id);
  res.json({ account: account.id, balanceCents: account.balanceCents, currency: 'EUR' });
});

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`ledger-api listening on :${port}`));
