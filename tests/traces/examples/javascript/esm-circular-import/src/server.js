import { pool } from './db.js';

const { rows } = await pool.query('select 1');
console.log('db ok', rows);
