module internal/pipeline

go 1.19
