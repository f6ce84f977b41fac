const API = 'http://127.0.0.1:4603';
const token = process.env.BILLING_TOKEN;

async function main() {
  const res = await fetch(`${API}/v1/invoices?month=2026-11`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    const err = new Error(`billing API returned ${res.status} ${res.statusText}`);
    err.status = res.status;
    throw err;
  }
  console.log(await res.json());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
