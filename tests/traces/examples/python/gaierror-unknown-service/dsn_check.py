import socket

host, service = "localhost", "postgresq"
for family, _, _, _, addr in socket.getaddrinfo(host, service, type=socket.SOCK_STREAM):
    print(family.name, addr)
