user = {"name": "Priya", "role": "admin"}
print(f"Hello {user["name"]}, you are {user["role"]}")
