// Weather widget: the API key goes in a custom header.
fetch('http://127.0.0.1:8196/api/forecast?city=Ghent', { headers: { 'X-Api-Key': 'demo-4f2a' } })
  .then((res) => res.json())
  .then((f) => (document.getElementById('out').textContent = f.summary));
