DB_CHARSET = "utf8mb4"

with open("customers.sql", encoding=DB_CHARSET) as fh:
    print(sum(1 for line in fh if line.startswith("INSERT")))
