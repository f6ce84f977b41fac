POSTS = {
    "python": [{"title": "Structural pattern matching", "slug": "pattern-matching"}],
    "rust": [],
}


def load_posts(category):
    posts = POSTS.get(category)
    if posts:
        return sorted(posts, key=lambda p: p["slug"])


def build(category):
    items = []
    for post in load_posts(category):
        items.append(f"<item><title>{post['title']}</title></item>")
    return "\n".join(items)


for cat in ("python", "rust"):
    print(f"--- {cat}")
    print(build(cat))
