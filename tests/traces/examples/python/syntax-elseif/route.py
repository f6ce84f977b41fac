def route(path):
    if path == "/":
        return "home"
    elseif path == "/blog":
        return "blog"
