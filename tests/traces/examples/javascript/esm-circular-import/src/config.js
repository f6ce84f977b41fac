import { pool } from './db.js';

export const settings = {
  databaseUrl: process.env.DATABASE_URL || 'postgres://shop@localhost/shop',
  poolSize: pool.size ?? 10,
};
