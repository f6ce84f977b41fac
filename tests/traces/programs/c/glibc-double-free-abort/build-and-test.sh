#!/bin/bash
set -e
gcc -O0 -o cached cache.c
./cached
echo "smoke test passed"
