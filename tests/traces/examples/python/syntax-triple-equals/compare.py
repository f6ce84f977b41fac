status = "draft"
if status === "published":
    print("live")
