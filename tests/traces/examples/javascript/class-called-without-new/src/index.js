const ProductRepository = require('./repo/ProductRepository');
const db = require('./db');

async function main() {
  const products = ProductRepository(db);
  const list = await products.findAll({ inStock: true });
  console.log(`${list.length} products in stock`);
}

main();
