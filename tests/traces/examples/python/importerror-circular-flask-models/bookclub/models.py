from bookclub.app import db


class Book:
    def __init__(self, title):
        self.title = title
        db["books"].append(self)
