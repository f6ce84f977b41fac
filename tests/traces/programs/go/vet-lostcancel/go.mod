module github.com/kdev/healthcheck

go 1.19
