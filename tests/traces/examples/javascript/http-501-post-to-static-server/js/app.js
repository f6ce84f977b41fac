// Contact form posting to the dev server (a plain static file server).
fetch('/api/contact', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ name: 'Mia', message: 'Hello' }),
}).then((res) => {
  if (!res.ok) throw new Error(`contact form: ${res.status} ${res.statusText}`);
});
