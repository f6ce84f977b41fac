// Stand-in for the slow reporting backend.
require('http').createServer((req, res) => {
  setTimeout(() => res.end('{"rows": []}'), 5000);
}).listen(4604);
