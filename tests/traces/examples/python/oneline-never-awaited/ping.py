import asyncio


async def notify(msg):
    await asyncio.sleep(0)
    print(msg)

notify('deploy finished')
