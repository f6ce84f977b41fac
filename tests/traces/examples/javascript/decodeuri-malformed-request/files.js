// Tiny file server for the intranet's report archive.
const http = require('http');
const path = require('path');

const ROOT = path.join(__dirname, 'reports');

http.createServer((req, res) => {
  const name = decodeURIComponent(req.url.slice('/reports/'.length));
  res.end(`would send ${path.join(ROOT, name)}\n`);
}).listen(3113, () => console.log('reports on :3113'));
