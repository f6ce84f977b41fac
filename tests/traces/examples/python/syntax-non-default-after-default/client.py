def fetch(url, timeout=10, retries):
    return url, timeout, retries
