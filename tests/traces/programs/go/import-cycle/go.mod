module shop/api

go 1.19
