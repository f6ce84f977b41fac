hits = 0

def record():
    print("hits so far", hits)
    global hits
    hits += 1
