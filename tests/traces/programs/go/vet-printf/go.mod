module reporter

go 1.19
