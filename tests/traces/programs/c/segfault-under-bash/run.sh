#!/bin/bash
gcc -O0 -o bin/ini src/ini.c
./bin/ini port
./bin/ini host
echo "done"
