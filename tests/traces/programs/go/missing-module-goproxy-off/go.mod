module github.com/acme/billing-worker

go 1.19
