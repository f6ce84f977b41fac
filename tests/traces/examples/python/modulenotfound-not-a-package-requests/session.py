import requests
import requests.adapters.HTTPAdapter

s = requests.Session()
s.mount("https://", requests.adapters.HTTPAdapter(max_retries=3))
