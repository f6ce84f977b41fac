#!/bin/bash
LOG_FILE=$LOGDIR/nightly-$(date +%u) .log
echo "nightly run" > $LOG_FILE
