#!/bin/sh
ENV_NAME=${1:-staging}
echo "deploying to ${ENV_NAME^^}"
