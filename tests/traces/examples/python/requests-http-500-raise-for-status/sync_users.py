import requests

resp = requests.get("http://127.0.0.1:5184/users", timeout=5)
resp.raise_for_status()
print(len(resp.json()), "users")
