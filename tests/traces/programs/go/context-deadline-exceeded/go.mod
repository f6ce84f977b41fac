module github.com/acme/rates-sync

go 1.19
