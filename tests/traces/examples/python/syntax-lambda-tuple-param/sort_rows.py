rows = [("b", 2), ("a", 1)]
rows.sort(key=lambda (name, n): n)
print(rows)
