const fs = require('fs');
const path = require('path');

const UPLOAD_DIR = process.env.UPLOAD_DIR;

function storeAvatar(userId, buffer) {
  const target = path.join(UPLOAD_DIR, 'avatars', `${userId}.png`);
  fs.writeFileSync(target, buffer);
  return target;
}

console.log('stored', storeAvatar(42, Buffer.from([0x89, 0x50, 0x4e, 0x47])));
