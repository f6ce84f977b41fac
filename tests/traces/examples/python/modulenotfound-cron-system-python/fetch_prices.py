import requests

resp = requests.get("http://127.0.0.1:9/prices", timeout=5)
print(resp.json())
