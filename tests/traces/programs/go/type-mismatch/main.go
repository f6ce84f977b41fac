package main

import (
	"fmt"

	"inventory/internal/stock"
)

func main() {
	items := []stock.Item{{SKU: "LAMP-OAK", Qty: 3}, {SKU: "SHELF-W90", Qty: 0}}
	for _, it := range items {
		fmt.Println(stock.Label(it.SKU, it.Qty))
	}
}
