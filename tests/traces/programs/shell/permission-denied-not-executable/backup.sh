#!/bin/bash
tar czf "/tmp/backup-$(date +%F).tgz" ./data
