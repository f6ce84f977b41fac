const users = new Map([
  [7, { id: 7, name: 'priya raman', plan: 'pro' }],
  [9, { id: 9, name: 'tom ellis', plan: 'free' }],
]);

async function getUser(id) {
  await new Promise((r) => setTimeout(r, 10)); // simulated DB round trip
  return users.get(id);
}

function welcomeBanner(id) {
  const user = getUser(id);
  return `Welcome back, ${user.name.toUpperCase()} (${user.plan})`;
}

console.log(welcomeBanner(7));
