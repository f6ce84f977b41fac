import time

def nightly():
# TODO

print(time.time())
