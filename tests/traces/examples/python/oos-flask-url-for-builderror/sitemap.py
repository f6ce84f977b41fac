from flask import Flask, url_for

app = Flask(__name__)


@app.get("/products/<int:pid>")
def product_detail(pid):
    return str(pid)


with app.test_request_context():
    print(url_for("product", pid=7))
