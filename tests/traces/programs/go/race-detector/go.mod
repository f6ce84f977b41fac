module metrics/counter

go 1.19
