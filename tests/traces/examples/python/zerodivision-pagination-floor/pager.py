def pages(total, per_page):
    return -(-total // per_page)
