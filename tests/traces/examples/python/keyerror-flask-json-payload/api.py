from flask import Flask, jsonify, request

app = Flask(__name__)
USERS = []


@app.post("/signup")
def signup():
    payload = request.get_json()
    user = {"email": payload["email"].lower(), "name": payload["name"]}
    USERS.append(user)
    return jsonify(user), 201
