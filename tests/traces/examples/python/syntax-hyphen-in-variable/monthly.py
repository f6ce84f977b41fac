total-revenue = 18250
print(total-revenue)
