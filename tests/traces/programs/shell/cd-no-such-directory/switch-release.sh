#!/bin/bash
set -e
RELEASE=${1:?usage: switch-release.sh RELEASE}
cd "releases/$RELEASE"
ln -sfn "$PWD" ../../current
echo "switched to $RELEASE"
