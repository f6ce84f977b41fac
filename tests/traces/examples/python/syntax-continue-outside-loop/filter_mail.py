def keep(msg):
    if msg.startswith("SPAM"):
        continue
    return True
