history = []


def type_text(doc, text):
    history.append(doc)
    return doc + text


def undo():
    return history.pop()


doc = type_text("", "Hello")
doc = undo()
doc = undo()
