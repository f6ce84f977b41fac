#!/bin/bash
set -e
gcc -O0 -o avg avg.c
./avg
echo "smoke test passed"
