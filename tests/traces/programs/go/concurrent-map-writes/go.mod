module github.com/ninaw/linkcheck

go 1.19
