const API_BASE = "https://shop.example.com/api";
function addToCart(sku: string) {
  return fetch(`${API_BASE}/cart/${sku}`, { method: "POST" });
}
