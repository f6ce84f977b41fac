import requests

print(requests.get("htp://127.0.0.1:8000/prices", timeout=3).text)
