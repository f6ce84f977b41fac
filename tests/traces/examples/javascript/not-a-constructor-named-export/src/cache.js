class Cache {
  constructor({ ttlSeconds }) {
    this.ttl = ttlSeconds;
    this.items = new Map();
  }
  get(key) {
    return this.items.get(key);
  }
}

module.exports = { Cache };
