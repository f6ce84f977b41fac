const token = process.env.NPM_TOKEN;

if (!token) {
  console.error('NPM_TOKEN is not set, skipping publish');
  return;
}

console.log('publishing...');
