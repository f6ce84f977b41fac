function saveCart(cart) {
  localStorage.setItem('cart', cart); // stored as "[object Object]"
}

function loadCart() {
  const raw = localStorage.getItem('cart');
  return raw ? JSON.parse(raw) : { items: [] };
}

saveCart({ items: [{ sku: 'MUG-01', qty: 2 }] });
const cart = loadCart();
document.getElementById('count').textContent = `${cart.items.length} items`;
