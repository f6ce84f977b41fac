module github.com/shopco/orders

go 1.19
