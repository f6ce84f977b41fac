import http from 'node:http';

// Stand-in for the staging gateway, which answers unknown routes with its HTML error page.
const gateway = http.createServer((req, res) => {
  res.writeHead(404, { 'content-type': 'text/html' });
  res.end('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n');
});
await new Promise((r) => gateway.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${gateway.address().port}`;

async function stockLevel(sku) {
  const res = await fetch(`${base}/api/v2/stock/${sku}`);
  const body = await res.json();
  return body.available;
}

try {
  console.log('TEE-BLK-M', await stockLevel('TEE-BLK-M'));
} finally {
  gateway.close();
}
