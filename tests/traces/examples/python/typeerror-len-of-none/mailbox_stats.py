MESSAGES = [("ana", True), ("kofi", False), ("lena", True)]


def fetch_unread():
    unread = [sender for sender, seen in MESSAGES if not seen]
    print("unread from:", ", ".join(unread))


print("unread count:", len(fetch_unread()))
