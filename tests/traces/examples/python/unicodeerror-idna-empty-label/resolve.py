import socket

HOSTS = ["localhost", "api..example.com"]

for host in HOSTS:
    print(host, socket.getaddrinfo(host, 443)[0][4])
