module github.com/sara/thumbnailer

go 1.19
