import csv
import sys

rows = [("sku", "name"), ("A-100", "Bolt M6"), ("A-101", "Nut\tM6 (pack of 10)")]
writer = csv.writer(sys.stdout, delimiter="\t", quoting=csv.QUOTE_NONE)
writer.writerows(rows)
