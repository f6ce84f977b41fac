const express = require('express');

const app = express();
const coupons = { WELCOME10: 10 };

app.get('/api/coupons/:code', (req, res) => {
  const discount = coupons[req.params.code];
  if (!discount) {
    res.status(404).json({ error: 'unknown coupon' });
  }
  res.json({ code: req.params.code, discount });
});

app.listen(3119, () => console.log('coupons on :3119'));
