import datetime

start = datetime.date(2026, 08, 1)
print(start)
