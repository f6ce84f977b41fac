rows = [f"row-{i}" for i in range(10)]

first = [rows[i] for i in range(len(rows) / 2)]
print(first)
