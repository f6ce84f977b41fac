const { Pool } = require('pg');

const pool = new Pool({ host: '127.0.0.1', database: 'iot', user: 'shop_app', password: 'Sh0p-dev!' });

async function ingest(batch) {
  for (const r of batch) {
    await pool.query('INSERT INTO readings (device_id, celsius) VALUES ($1, $2)', [r.device, r.celsius]);
  }
}

ingest([
  { device: 'th-01', celsius: 4.2 },
  { device: 'th-02', celsius: 3.9 },
])
  .then(() => console.log('ingested'))
  .catch((err) => {
    console.error('ingest failed:', err);
    process.exitCode = 1;
  })
  .finally(() => pool.end());
