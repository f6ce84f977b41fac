subject = "Spring sale " + "and more news about our teas, kettles and tasting events " * 6
filename = subject.lower().replace(" ", "-") + ".html"
with open(filename, "w") as fh:
    fh.write("<h1>" + subject + "</h1>")
