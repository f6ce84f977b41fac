const { Client } = require('pg');

const steps = [
  "INSERT INTO tickets (agent_id, subject) VALUES (4, 'Printer on fire')",
  "INSERT INTO agents (id, name) VALUES (4, 'Sam')",
];

(async () => {
  const db = new Client({ host: '127.0.0.1', database: 'helpdesk', user: 'shop_app', password: 'Sh0p-dev!' });
  await db.connect();
  await db.query('BEGIN');
  for (const sql of steps) {
    await db.query(sql);
  }
  await db.query('COMMIT');
  await db.end();
})();
