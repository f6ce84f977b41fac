const http = require('http');

const port = process.env.PORT || 8080;

http.createServer((req, res) => {
  res.end('ok');
}).listen(port, () => {
  console.log("health-check listening on port " + port;
});
