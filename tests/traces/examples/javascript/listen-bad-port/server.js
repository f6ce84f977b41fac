const http = require('http');

const port = Number(process.env.PORT) || 8080;
http.createServer((req, res) => res.end('pong')).listen(port, () => {
  console.log(`ping service on :${port}`);
});
