queue = []

for job in ("resize", "upload", "notify"):
    queue.push(job)

print(queue)
