const cart = { items: [{ sku: 'MUG-01', qty: 1 }] };

document.getElementById('pay').addEventListener('click', () => {
  if (cart.items.length > 0 {
    console.log('redirecting to payment');
  }
});
