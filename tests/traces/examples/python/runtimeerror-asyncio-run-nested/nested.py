import asyncio


async def fetch_status(service):
    await asyncio.sleep(0)
    return f"{service}: ok"


def status(service):
    return asyncio.run(fetch_status(service))


async def main():
    print(status("payments"))


asyncio.run(main())
