#!/bin/bash
PREFIX=${PREFIX:-/usr/local}

echo "installing to $PREFIX"
if [ ! -d "$PREFIX/bin" ]; then
    mkdir -p "$PREFIX/bin"
else
    echo "bin exists"
else
    echo "unreachable"
fi
cp tool "$PREFIX/bin/"
