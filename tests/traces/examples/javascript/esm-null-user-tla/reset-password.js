import { findUser } from './db.js';

const id = Number(process.argv[2]);
const user = await findUser(id);
console.log(`sending reset link to ${user.email}`);
