module git.internal/ops/pricing

go 1.19
