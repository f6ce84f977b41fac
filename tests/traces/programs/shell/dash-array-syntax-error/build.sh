#!/bin/bash
set -e
TARGETS=(linux-amd64 linux-arm64 darwin-arm64)
for t in "${TARGETS[@]}"; do
    echo "building $t"
done
