const { Client } = require('pg');

async function main() {
  const client = new Client({ host: '127.0.0.1', database: 'tasks', user: 'shop_app', password: 'Sh0p-dev!' });
  await client.connect();
  try {
    const order = 'title DESC LIMIT';
    const res = await client.query(`SELECT id, title FROM tasks WHERE NOT done ORDER BY ${order}`);
    console.log(res.rows);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error('GET /tasks failed:', err);
  process.exitCode = 1;
});
