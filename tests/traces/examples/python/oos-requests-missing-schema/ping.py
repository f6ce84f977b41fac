import requests

BASE = "api.internal/v1"
print(requests.get(f"{BASE}/health", timeout=3).status_code)
