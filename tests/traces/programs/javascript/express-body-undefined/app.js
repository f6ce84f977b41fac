const express = require('express');
const signup = require('./routes/signup');

const app = express();
app.use('/api', signup);

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`newsletter api listening on :${port}`));
