config = {"log_every": 0}

for i in range(1, 101):
    if i % config["log_every"] == 0:
        print("processed", i)
