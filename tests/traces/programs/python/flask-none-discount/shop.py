from flask import Flask, jsonify

app = Flask(__name__)

PRODUCTS = {
    101: {"name": "Espresso beans 1kg", "price": 24.90, "discount": 0.10},
    102: {"name": "Grinder burr set", "price": 39.00, "discount": None},
}


def sale_price(product):
    return round(product["price"] * (1 - product["discount"]), 2)


@app.get("/api/products/<int:product_id>")
def product_detail(product_id):
    product = PRODUCTS[product_id]
    return jsonify(name=product["name"], price=sale_price(product))
