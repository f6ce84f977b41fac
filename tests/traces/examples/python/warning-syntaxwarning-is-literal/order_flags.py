import json

order = json.loads('{"id": 7, "status": "paid"}')
if order["status"] is "paid":
    print("ship it")
else:
    print("waiting for payment")
