const http = require('http');

function start(name, port) {
  const server = http.createServer((req, res) => res.end(`${name} ok\n`));
  server.listen(port, () => console.log(`${name} listening on http://localhost:${port}`));
  return server;
}

// The admin panel was moved to its own server but given the same port as the API.
start('api', 8080);
start('admin', 8080);
