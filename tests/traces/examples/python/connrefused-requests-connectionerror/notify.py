import requests

resp = requests.post("http://127.0.0.1:18090/hooks/deploy", json={"service": "api", "status": "done"}, timeout=5)
resp.raise_for_status()
