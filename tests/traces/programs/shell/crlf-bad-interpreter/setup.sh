#!/bin/bash
echo "setting up"
mkdir -p var/cache
