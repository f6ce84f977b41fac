from flask import Flask, jsonify

app = Flask(__name__)

PRODUCTS = {7: {"name": "Tea tin", "price": 12.5}}


def format_price(amount, currency):
    return f"{amount:.2f} {currency}"


@app.get("/products/<int:pid>")
def product(pid):
    p = PRODUCTS[pid]
    return jsonify(name=p["name"], price=format_price(p["price"]))
