rate = 1.5
hours = input("Overtime hours this week: ")
print()
print("Paid hours:", hours * rate)
