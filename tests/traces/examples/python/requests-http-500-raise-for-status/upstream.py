from flask import Flask

app = Flask(__name__)


@app.get("/users")
def users():
    raise RuntimeError("database pool exhausted")
