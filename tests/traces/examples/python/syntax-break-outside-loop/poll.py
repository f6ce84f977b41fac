import time

def poll(queue):
    if not queue:
        break
    return queue.pop()

print(poll([]))
