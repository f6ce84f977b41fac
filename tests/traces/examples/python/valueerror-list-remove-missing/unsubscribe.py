subscribers = ["ana@example.org", "kofi@example.org"]


def unsubscribe(address):
    subscribers.remove(address)
    print("removed", address)


unsubscribe("Kofi@Example.org")
