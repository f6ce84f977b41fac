"""Check that every backend of the cluster accepts TCP connections, concurrently."""
import asyncio

BACKENDS = {"api": ("127.0.0.1", 8000), "search": ("127.0.0.1", 9205), "cache": ("127.0.0.1", 6390)}


async def probe(name: str, host: str, port: int) -> str:
    reader, writer = await asyncio.open_connection(host, port)
    writer.close()
    await writer.wait_closed()
    return f"{name}: up"


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(probe(name, *addr)) for name, addr in BACKENDS.items()]
    for task in tasks:
        print(task.result())


if __name__ == "__main__":
    asyncio.run(main())
