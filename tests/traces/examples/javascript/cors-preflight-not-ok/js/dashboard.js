fetch('http://127.0.0.1:8204/api/tickets', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ subject: 'Printer on fire' }),
}).then((res) => console.log('created', res.status));
