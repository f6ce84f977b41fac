const mysql = require('mysql2');

const db = mysql.createConnection({ host: '127.0.0.1', user: 'shop_app', password: 'Sh0p-dev!', database: 'chat' });

const messages = [[3, 'welcome to #general'], [3, 'hi all']];
db.query('INSERT INTO messages (room_id, body) VALUES ?', [messages], (err) => {
  if (err) {
    console.error(`[seed] ${new Date().toISOString()} messages: ${err.message}`);
    process.exitCode = 1;
    return db.end();
  }
  db.query("INSERT INTO rooms VALUES (3, 'general')", () => db.end());
});
