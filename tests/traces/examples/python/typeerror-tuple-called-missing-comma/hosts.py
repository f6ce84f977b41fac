WEB_HOSTS = [
    ("web-1.internal", 8080),
    ("web-2.internal", 8080)
    ("web-3.internal", 8081),
]
print(len(WEB_HOSTS))
