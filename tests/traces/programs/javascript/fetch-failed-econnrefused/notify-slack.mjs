const WEBHOOK = process.env.CHAT_WEBHOOK_URL ?? 'http://127.0.0.1:4599/hooks/deploys';

export async function announce(text) {
  const res = await fetch(WEBHOOK, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
}

await announce('deploy of checkout-service 2.14.1 finished');
console.log('announced');
