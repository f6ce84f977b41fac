// Posts a daily digest of open issues.
const API = process.env.GITHUB_API || 'http://127.0.0.1:4602';

async function getJson(path) {
  const res = await fetch(API + path, { headers: { accept: 'application/vnd.github+json' } });
  if (!res.ok) {
    throw new Error(`GET ${path} failed: ${res.status} ${res.statusText}`);
  }
  return res.json();
}

const issues = await getJson('/repos/acme/shop/issues');
console.log(`${issues.length} open issues`);
