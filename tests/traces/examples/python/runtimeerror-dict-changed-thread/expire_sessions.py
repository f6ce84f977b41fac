import threading
import time

sessions = {"a1": time.time() - 7200, "b2": time.time(), "c3": time.time() - 9000}


def expire(max_age=3600):
    now = time.time()
    for sid, started in sessions.items():
        if now - started > max_age:
            del sessions[sid]


t = threading.Thread(target=expire, name="expiry")
t.start()
t.join()
print("sessions left:", len(sessions))
