const API_BASE = "https://search.example.com";
function search(q: string) {
  return fetch(`${API_BASE}/q?term=${encodeURIComponent(q)}`);
}
