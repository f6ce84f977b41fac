fetch('http://127.0.0.1:8206/api/cart', { credentials: 'include' })
  .then((res) => res.json())
  .then((c) => (document.getElementById('out').textContent = `${c.count} items`));
