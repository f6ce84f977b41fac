const items = [{ price: 12.5, qty: 2 }, { price: 4.2, qty: 1 }];
const total = items.reduce((sum, i) => sum + i.price * i.qty, 0);
document.getElementByID('total').textContent = total.toFixed(2);
