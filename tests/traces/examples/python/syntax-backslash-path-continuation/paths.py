folder = "exports"
path = folder \ "contacts.csv"
print(path)
