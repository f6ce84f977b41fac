fetch('http://127.0.0.1:8211/api/notes/12', { method: 'DELETE' })
  .then((res) => console.log('deleted', res.status));
