const { Router } = require('express');

const router = Router();
const subscribers = new Set();

router.post('/subscribe', (req, res) => {
  const email = req.body.email.trim().toLowerCase();
  subscribers.add(email);
  res.status(201).json({ subscribed: email });
});

module.exports = router;
