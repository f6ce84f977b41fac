import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="2026-03-14 03:%(msecs)03d [%(process)d] %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")


class Probe:
    def __init__(self, width, height):
        self.width, self.height = width, height


class Job:
    def __init__(self, jid, probe):
        self.id, self.probe = jid, probe


def thumbnail(job):
    w = job.probe.width
    return (320, int(320 * job.probe.height / w))


for jid in range(100, 200):
    job = Job(jid, None if jid == 137 else Probe(1920, 1080))
    log.info("job %d: fetched source (%d KiB)", jid, 800 + jid)
    try:
        size = thumbnail(job)
        log.info("job %d: thumbnail %dx%d written", jid, *size)
    except Exception:
        log.exception("job %d failed", jid)
sys.exit(1)
