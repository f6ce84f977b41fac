BONUS = {"ana": {"Q1": 300}, "kofi": {"Q1": 250}}

for name, quarters in BONUS.items():
    print(name, quarters["q1_bonus"])
