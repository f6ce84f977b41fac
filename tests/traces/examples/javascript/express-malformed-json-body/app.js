const express = require('express');

const app = express();
app.use(express.json());

app.post('/api/subscribers', (req, res) => {
  res.status(201).json({ email: req.body.email });
});

app.listen(3118, () => console.log('newsletter-api on :3118'));
