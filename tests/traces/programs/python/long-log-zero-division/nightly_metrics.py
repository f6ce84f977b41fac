"""Nightly job: aggregate response-time samples per shop region and write the daily report."""
import logging
import random
from statistics import fmean

log = logging.getLogger("metrics.nightly")

REGIONS = ["eu-central", "eu-west", "us-east", "us-west", "ap-south", "ap-northeast", "sa-east"]


def load_samples(region: str, hour: int) -> list[float]:
    rnd = random.Random(f"{region}-{hour}")
    if region == "sa-east" and hour >= 22:
        return []  # the collector in sa-east stopped shipping samples at 22:00
    return [rnd.uniform(40, 900) for _ in range(rnd.randint(80, 400))]


def error_budget_used(samples: list[float], slo_ms: float = 500) -> float:
    slow = sum(1 for s in samples if s > slo_ms)
    return 100.0 * slow / len(samples)


def run() -> None:
    log.info("starting nightly aggregation for %d regions", len(REGIONS))
    for region in REGIONS:
        for hour in range(24):
            samples = load_samples(region, hour)
            log.info("%s %02d:00 loaded %d samples", region, hour, len(samples))
            used = error_budget_used(samples)
            log.debug("%s %02d:00 p50-ish %.1f ms", region, hour, fmean(samples) if samples else 0)
            if used > 45:
                log.warning("%s %02d:00 error budget %.1f%% used", region, hour, used)
    log.info("report written")


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(process)d %(levelname)-7s %(name)s | %(message)s",
    )
    try:
        run()
    except Exception:
        log.exception("nightly aggregation failed")
        raise SystemExit(2)
