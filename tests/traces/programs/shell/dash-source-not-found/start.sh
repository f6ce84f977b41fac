#!/bin/sh
source .env
echo "starting with $DATABASE_URL"
