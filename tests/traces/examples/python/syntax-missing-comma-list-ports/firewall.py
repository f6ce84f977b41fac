ALLOWED_PORTS = [
    22,
    80
    443,
    8443,
]
print(len(ALLOWED_PORTS))
