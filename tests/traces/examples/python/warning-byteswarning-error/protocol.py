def check_reply(reply):
    if reply.strip() == "OK":
        return True
    raise RuntimeError(f"unexpected reply {reply!r}")


print(check_reply(b"OK\r\n"))
