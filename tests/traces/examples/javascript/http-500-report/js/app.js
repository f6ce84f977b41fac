fetch('/api/reports/monthly?month=2026-11')
  .then((res) => {
    if (!res.ok) throw new Error(`report API: HTTP ${res.status} ${res.statusText}`);
    return res.json();
  })
  .then((report) => (document.getElementById('out').textContent = report.total));
