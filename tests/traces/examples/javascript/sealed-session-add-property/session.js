'use strict';

function createSession(user) {
  return Object.seal({ user, createdAt: Date.now(), roles: ['viewer'] });
}

function touch(session) {
  session.lastSeen = Date.now();
}

const s = createSession('mia');
touch(s);
console.log(s);
