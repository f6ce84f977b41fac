const res = await fetch('http://127.0.0.1:4604/api/kpi/daily', { signal: AbortSignal.timeout(800) });
console.log(await res.json());
