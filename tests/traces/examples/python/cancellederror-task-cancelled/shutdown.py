import asyncio


async def heartbeat():
    while True:
        await asyncio.sleep(0.1)


async def main():
    task = asyncio.create_task(heartbeat())
    await asyncio.sleep(0.2)
    task.cancel()
    await task


asyncio.run(main())
