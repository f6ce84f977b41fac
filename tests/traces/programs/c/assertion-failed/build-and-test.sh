#!/bin/bash
set -e
gcc -g -o jobrunner src/queue.c
./jobrunner
echo "smoke test passed"
