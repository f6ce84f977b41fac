const mysql = require('mysql2/promise');

async function main() {
  const db = await mysql.createConnection({ host: '127.0.0.1', user: 'shop_app', password: 'Sh0p-dev!', database: 'fleet' });
  try {
    const [rows] = await db.query('SELECT plate, COUNT(*) AS trips FROM vehicle_trips GROUP BY plate');
    console.table(rows);
  } catch (err) {
    console.error('[report] query failed:', err.code, err.errno, err.sqlMessage);
    process.exitCode = 1;
  } finally {
    await db.end();
  }
}

main();
