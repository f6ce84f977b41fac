def digest(items):
    if items:
        head = items[0]
	return head
    return None


print(digest(['a']))
