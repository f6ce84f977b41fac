subject = “Spring sale”
print(subject)
