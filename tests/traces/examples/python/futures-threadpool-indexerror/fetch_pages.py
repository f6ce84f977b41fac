from concurrent.futures import ThreadPoolExecutor, as_completed

PAGES = ["<p>1</p>", "<p>2</p>", "<p>3</p>"]


def fetch(n):
    return PAGES[n]


with ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(fetch, n) for n in range(1, 5)]
    for f in as_completed(futures):
        print(len(f.result()))
