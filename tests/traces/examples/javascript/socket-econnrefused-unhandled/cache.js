// Minimal Redis ping used by the health check.
const net = require('net');

const socket = net.createConnection({ host: '127.0.0.1', port: 6390 });
socket.on('connect', () => {
  socket.write('PING\r\n');
});
socket.on('data', (d) => {
  console.log('redis says', d.toString().trim());
  socket.end();
});
