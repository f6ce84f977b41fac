import asyncio
import logging

log = logging.getLogger("notify")


async def send_sms(number: str, text: str) -> None:
    await asyncio.sleep(0.05)  # stands in for the HTTP call to the SMS gateway
    log.info("sms sent to %s", number)


async def notify_on_call(team: list[str], incident: str) -> None:
    for number in team:
        send_sms(number, f"[P1] {incident}")
    log.info("paged %d people", len(team))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    asyncio.run(notify_on_call(["+4915112345678", "+4917698765432"], "checkout API 5xx > 20%"))
