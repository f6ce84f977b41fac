title = "Q1"
print(f"Report {title + '}")
