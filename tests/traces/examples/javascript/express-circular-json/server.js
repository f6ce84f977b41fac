const express = require('express');

const app = express();
app.use(express.json());

// Debug endpoint added while chasing a proxy header problem.
app.post('/debug/echo', (req, res) => {
  res.json({ received: req.body, request: req });
});

app.listen(3112, () => console.log('support-tools on :3112'));
