// Saves the edited order through the orders API.
fetch('http://127.0.0.1:8194/api/orders/7', {
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ status: 'shipped' }),
}).then((res) => console.log('saved', res.status));
