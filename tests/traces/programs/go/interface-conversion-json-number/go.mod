module github.com/acme/webhook-relay

go 1.19
