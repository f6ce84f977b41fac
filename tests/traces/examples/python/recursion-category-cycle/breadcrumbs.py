CATEGORIES = {
    1: {"name": "Tea", "parent": None},
    2: {"name": "Green tea", "parent": 3},
    3: {"name": "Japanese", "parent": 2},
}


def breadcrumb(cat_id):
    cat = CATEGORIES[cat_id]
    if cat["parent"] is None:
        return cat["name"]
    return f"{breadcrumb(cat['parent'])} > {cat['name']}"


print(breadcrumb(2))
