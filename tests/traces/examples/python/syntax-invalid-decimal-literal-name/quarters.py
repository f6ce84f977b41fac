revenue = {"q1": 10, "q2": 12}
2nd_quarter = revenue["q2"]
print(2nd_quarter)
