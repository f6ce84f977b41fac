import asyncio


async def save_batch(batch):
    await asyncio.sleep(0)
    print("saved", len(batch))


def run(batches):
    for batch in batches:
        save_batch(batch)
    print("all batches submitted")


run([[1, 2], [3]])
