import asyncio


async def send_sms(number, text):
    if len(number.replace(" ", "")) < 8:
        raise ValueError(f"invalid phone number {number!r}")
    await asyncio.sleep(0)


async def main():
    asyncio.create_task(send_sms("+49 170", "disk full on db-2"))
    await asyncio.sleep(0.1)
    print("alerts dispatched")


asyncio.run(main())
