#!/bin/bash
pending=$(printf '12 jobs\n')
if [ "$pending" -gt 10 ]; then
    echo "queue is backing up: $pending"
fi
echo "check finished"
