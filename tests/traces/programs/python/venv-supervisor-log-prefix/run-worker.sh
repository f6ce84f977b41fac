#!/bin/bash
# started by the process supervisor; prefixes every line like the journal does
cd "$(dirname "$0")"
/usr/bin/python3 worker.py 2>&1 | while IFS= read -r line; do
    printf '%s web01 mail-worker[%d]: %s\n' "$(date '+%b %d %H:%M:%S')" "$$" "$line"
done
exit "${PIPESTATUS[0]}"
