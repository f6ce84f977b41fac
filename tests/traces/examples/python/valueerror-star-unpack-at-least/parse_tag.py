for tag in ["api-1.4.0", "nightly"]:
    name, version, *rest = tag.split("-")
    print(name, version)
