rows = ["a", "b"]
print(f"{'\n'.join(rows)}")
