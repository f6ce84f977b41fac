// Receives payment-provider webhooks.
const http = require('http');

http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const event = JSON.parse(body);
    console.log('webhook', event.type);
    res.end('ok');
  });
}).listen(3114, () => console.log('webhook receiver on :3114'));
