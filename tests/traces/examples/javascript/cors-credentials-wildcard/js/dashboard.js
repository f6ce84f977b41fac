// Loads the signed-in user from the accounts API (session cookie).
fetch('http://127.0.0.1:8192/api/me', { credentials: 'include' })
  .then((res) => res.json())
  .then((me) => (document.getElementById('out').textContent = `hello ${me.name}`));
