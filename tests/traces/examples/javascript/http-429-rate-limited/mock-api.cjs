// Stand-in for the upstream API during local development.
const http = require('http');

const routes = { '/repos/acme/shop/issues': { status: 429, headers: { 'retry-after': '60' }, body: { message: 'API rate limit exceeded' } } };

http.createServer((req, res) => {
  const r = routes[req.url.split('?')[0]] || { status: 404, body: { error: 'not found' } };
  res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers || {}) });
  res.end(JSON.stringify(r.body));
}).listen(4602);
