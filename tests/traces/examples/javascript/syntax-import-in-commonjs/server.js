import express from 'express';

const app = express();
app.get('/', (req, res) => res.send('all systems operational'));
app.listen(3000);
