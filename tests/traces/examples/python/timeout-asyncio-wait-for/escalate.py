import asyncio


async def page_oncall(team):
    await asyncio.sleep(3)
    return f"paged {team}"


async def main():
    print(await asyncio.wait_for(page_oncall("payments"), timeout=0.5))


asyncio.run(main())
