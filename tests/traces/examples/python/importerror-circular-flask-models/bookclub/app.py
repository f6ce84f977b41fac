from flask import Flask

from bookclub.models import Book

app = Flask(__name__)
db = {"books": []}


@app.get("/books")
def books():
    return [b.title for b in db["books"]]
