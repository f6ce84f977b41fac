MAX_ATTEMPTS = 3
attempts = 0
while True:
    attempts += 1
    if attempts = MAX_ATTEMPTS:
        break
print("gave up after", attempts)
