module.exports = [
  { id: 501, userId: '7', total: 42.0 },
  { id: 502, userId: '9', total: 13.5 },
];
