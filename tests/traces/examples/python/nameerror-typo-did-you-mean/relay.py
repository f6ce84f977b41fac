import time


def relay(event):
    received_at = time.strftime("%H:%M:%S", time.gmtime(event["ts"]))
    target = event["target"]
    print(f"[{recieved_at}] relaying {event['id']} to {target}")


relay({"id": "evt_91", "ts": 1773480000, "target": "https://hooks.internal/ci"})
