from datetime import datetime

for raw in ["14.03.2026", "15.03.2026"]:
    print(datetime.strptime(raw, "%Y-%m-%d").date())
