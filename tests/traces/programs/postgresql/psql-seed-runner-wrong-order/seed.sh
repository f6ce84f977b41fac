#!/bin/sh
set -e
for f in seeds/*.sql; do
  echo "seeding $f"
  psql -X -q -v ON_ERROR_STOP=1 -d clinic -f "$f"
done
