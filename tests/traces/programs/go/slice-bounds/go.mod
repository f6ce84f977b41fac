module tools/logtail

go 1.19
