module github.com/lenak/invoicer

go 1.19
