from jinja2 import Environment, FileSystemLoader

env = Environment(loader=FileSystemLoader("templates"))
print(env.get_template("post.html").render(tags=["python", "ops"]))
