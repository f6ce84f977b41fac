const prices = document.querySelectorAll('.price').map((li) => Number(li.dataset.eur));
console.log('average price', prices.reduce((a, b) => a + b, 0) / prices.length);
