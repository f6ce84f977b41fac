#!/bin/bash
report=$(ls reports/*.csv)
if [ -f $report ]; then
    echo "archiving $report"
else
    echo "nothing to archive"
fi
