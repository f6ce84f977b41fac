#!/bin/sh
# Load every seed file into the dev database, in file-name order.
set -e
for f in seeds/*.sql; do
  echo "loading $f"
  mariadb -u shop_app bookstore_dev < "$f"
done
