#!/usr/bin/env bash
set -euo pipefail
echo "##[group]Run go version"
go version
echo "##[endgroup]"
echo "##[group]Run go mod verify"
go mod verify
echo "##[endgroup]"
echo "##[group]Run go vet ./... && go build ./..."
go vet ./...
go build ./...
echo "##[endgroup]"
