import json
import logging

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("dedupe")

events = [json.loads(line) for line in open("events.ndjson")]
log.info("loaded %d events", len(events))
unique = set(events)
log.info("%d unique events", len(unique))
