const http = require('http');
const Cache = require('./cache');

const cache = new Cache({ ttlSeconds: 30 });

http.createServer((req, res) => {
  res.end(cache.get(req.url) || 'miss');
}).listen(8088);
