import urllib.request

with urllib.request.urlopen("http://127.0.0.1:18080/health", timeout=5) as resp:
    print(resp.status, resp.read().decode())
