// Stand-in for the upstream API during local development.
const http = require('http');

const routes = { '/v2/products': { status: 200, body: { results: [{ id: 1, name: 'Mug' }], page: 1 } } };

http.createServer((req, res) => {
  const r = routes[req.url.split('?')[0]] || { status: 404, body: { error: 'not found' } };
  res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers || {}) });
  res.end(JSON.stringify(r.body));
}).listen(4601);
