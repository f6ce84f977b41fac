module pager

go 1.19
