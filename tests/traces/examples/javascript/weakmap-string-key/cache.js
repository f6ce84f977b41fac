// Per-user render cache, meant to be garbage-collected with the user objects.
const cache = new WeakMap();

function renderProfile(userId, user) {
  if (cache.has(userId)) return cache.get(userId);
  const html = `<h1>${user.name}</h1>`;
  cache.set(userId, html);
  return html;
}

console.log(renderProfile('u-1042', { name: 'Mia' }));
