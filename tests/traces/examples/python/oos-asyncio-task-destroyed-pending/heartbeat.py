import asyncio


async def heartbeat():
    while True:
        await asyncio.sleep(1)


loop = asyncio.new_event_loop()
loop.create_task(heartbeat())
loop.call_later(0.1, loop.stop)
loop.run_forever()
loop.close()
print("loop closed")
