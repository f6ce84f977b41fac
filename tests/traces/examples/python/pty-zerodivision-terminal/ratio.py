hours = {"09:00": (3, 120.0), "10:00": (0, 0.0)}

for hour, (errors, total) in hours.items():
    print(hour, f"{errors / total:.2%}")
