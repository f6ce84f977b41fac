fetch('http://127.0.0.1:8202/api/news.json')
  .then((res) => res.json())
  .then((n) => (document.getElementById('out').textContent = n.headline));
