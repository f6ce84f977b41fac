const express = require('express');
const orders = require('./orders');

const app = express();

app.get('/api/users/:id/orders', (req, res) => {
  const { id } = req.params;
  res.json(orders.filter((o) => o.userId === userId));
});

app.listen(3116, () => console.log('orders-api on :3116'));
