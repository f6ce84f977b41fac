#!/bin/sh
free_mb=$(df -Pm / | awk 'NR==2 {print $4}')
if [[ $free_mb -lt 500000000 ]]; then
    echo "low disk space: ${free_mb} MB free" >&2
    exit 1
fi
echo "disk ok"
