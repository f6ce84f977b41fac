package main

import (
	"log"

	"github.com/shopco/orders/store"
)

func receiptAddress(o store.Order) string {
	return o.Customer.Email
}

func main() {
	for _, o := range store.Load() {
		log.Printf("order %d: sending receipt to %s", o.ID, receiptAddress(o))
	}
}
