import asyncio


async def alerts(source):
    for alert in source:
        yield alert


async def main():
    stream = alerts([])
    first = await stream.__anext__()
    print("first alert:", first)


asyncio.run(main())
