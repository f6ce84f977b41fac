#!/usr/bin/env bash
set -euo pipefail

LOG_DIR=/var/log/myapp
echo "rotating logs in $LOG_DIR (keep $KEEP_DAYS days)"
find "$LOG_DIR" -name '*.log' -mtime +"$KEEP_DAYS" -delete
