fetch('http://127.0.0.1:8198/api/stock.json')
  .then((res) => res.json())
  .then((s) => (document.getElementById('out').textContent = `${s.items} items in stock`));
