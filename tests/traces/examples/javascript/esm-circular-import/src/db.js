import { settings } from './config.js';

export const pool = {
  url: settings.databaseUrl,
  async query(sql) {
    return { rows: [{ '?column?': 1 }], sql };
  },
};
