module.exports = {
  db: {
    host: 'localhost',
    port: 5432
    name: 'inventory',
  },
  cache: { ttl: 60 },
};
