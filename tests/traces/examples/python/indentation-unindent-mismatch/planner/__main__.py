def route(stops):
    ordered = sorted(stops)
    if not ordered:
        return []
   return ordered


print(route(["b", "a"]))
