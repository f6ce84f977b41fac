#!/bin/bash
OUT=/srv/exports/customers-$(date +%Y%m%d).csv
echo "id,email" > "$OUT"
echo "exported to $OUT"
