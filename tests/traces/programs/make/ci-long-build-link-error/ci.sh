#!/bin/bash
set -e
echo "+ sh gen.sh"
sh gen.sh
echo "+ make -j1 all"
make -j1 all
