const mysql = require('mysql2/promise');

const trips = [
  { driverId: 12, km: 183.4 },
  { driverId: 12, km: 96.0 },
];

async function main() {
  const db = await mysql.createConnection({
    host: '127.0.0.1',
    user: 'shop_app',
    password: 'Sh0p-dev!',
    database: 'fleet',
  });
  try {
    for (const t of trips) {
      await db.execute('INSERT INTO trips (driver_id, km) VALUES (?, ?)', [t.driverId, t.km]);
    }
    // drivers are synced from the HR system afterwards
    await db.execute("INSERT INTO drivers (id, name) VALUES (12, 'R. Costa')");
  } finally {
    await db.end();
  }
}

main();
