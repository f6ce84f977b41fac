old = ["2026-01-01.tar.gz", "2026-01-08.tar.gz"]
print("will delete:", ", ".join(old))
answer = input("continue? [y/N] ")
if answer.lower() == "y":
    print("deleted")
