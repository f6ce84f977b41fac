"""Import the nightly stock export from the warehouse into a dict of SKU -> quantity."""
import csv
import logging
import sys

log = logging.getLogger("import_stock")


def read_stock(path):
    stock = {}
    with open(path, newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                stock[row["sku"]] = int(row["qty"])
            except ValueError:
                log.warning("skipping %s: bad quantity on line %d", row["sku"], lineno)
    return stock


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    stock = read_stock(sys.argv[1])
    log.info("imported %d SKUs", len(stock))
