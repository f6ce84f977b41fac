const lines = [...document.querySelectorAll('#cart li')].map((li) => Number(li.dataset.price));
document.getElementById('total').textContent = lines.reduce((a, b) => a + b).toFixed(2);
