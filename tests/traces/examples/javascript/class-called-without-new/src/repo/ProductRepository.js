class ProductRepository {
  constructor(db) {
    this.db = db;
  }

  async findAll(filter = {}) {
    return this.db.products.filter((p) => !filter.inStock || p.stock > 0);
  }
}

module.exports = ProductRepository;
