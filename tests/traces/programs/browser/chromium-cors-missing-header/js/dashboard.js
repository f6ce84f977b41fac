const API = 'http://127.0.0.1:8126';

async function loadStock() {
  const res = await fetch(`${API}/api/stock.json`);
  const items = await res.json();
  document.getElementById('stock').innerHTML = items
    .map((i) => `<li>${i.sku}: ${i.qty}</li>`)
    .join('');
}

loadStock();
