import asyncio


async def probe(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"PING\n")
    await writer.drain()
    return await reader.readline()


print(asyncio.run(probe("127.0.0.1", 18433)))
