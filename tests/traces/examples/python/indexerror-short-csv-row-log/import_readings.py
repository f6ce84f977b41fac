import csv
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-7s %(name)s %(message)s")
log = logging.getLogger("readings")


def main(path):
    with open(path, newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for n, row in enumerate(reader, start=2):
            sensor, ts, value, unit = row[0], row[1], float(row[2]), row[3]
            log.info("line %d: sensor=%s value=%.1f%s", n, sensor, value, unit)


try:
    main(sys.argv[1])
except Exception:
    log.exception("import of %s failed", sys.argv[1])
    sys.exit(1)
