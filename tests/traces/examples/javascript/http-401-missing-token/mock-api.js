// Stand-in for the upstream API during local development.
const http = require('http');

const routes = { '/v1/invoices': { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: { error: 'missing bearer token' } } };

http.createServer((req, res) => {
  const r = routes[req.url.split('?')[0]] || { status: 404, body: { error: 'not found' } };
  res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers || {}) });
  res.end(JSON.stringify(r.body));
}).listen(4603);
