import asyncio
import socket
import ssl

silent = socket.socket()
silent.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
silent.bind(("127.0.0.1", 18423))
silent.listen()


async def main():
    ctx = ssl.create_default_context()
    reader, writer = await asyncio.open_connection("127.0.0.1", 18423, ssl=ctx, server_hostname="localhost",
                                                   ssl_handshake_timeout=1.0)
    print("connected")


asyncio.run(main())
