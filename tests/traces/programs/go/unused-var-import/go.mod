module github.com/acme/healthd

go 1.19
