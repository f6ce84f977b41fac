import http from 'node:http';
import { listOrders } from './db';

http.createServer(async (req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(await listOrders()));
}).listen(3000);
