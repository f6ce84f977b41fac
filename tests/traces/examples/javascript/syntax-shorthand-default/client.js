function createClient(options) {
  const settings = { retries = 3, timeout: 5000, ...options };
  return settings;
}

console.log(createClient({ timeout: 2000 }));
