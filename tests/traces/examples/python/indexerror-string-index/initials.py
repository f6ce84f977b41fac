def initials(full_name):
    return "".join(part[0].upper() for part in full_name.split(" "))


for name in ["Ada Lovelace", "Grace  Hopper"]:
    print(initials(name))
