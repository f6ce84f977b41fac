async function loadProducts() {
  const res = await fetch('/api/v1/products');
  if (!res.ok) {
    throw new Error(`Request failed: ${res.status} ${res.statusText}`);
  }
  return res.json();
}

loadProducts().then((products) => {
  document.getElementById('out').textContent = `${products.length} products`;
});
