package stock

import "fmt"

type Item struct {
	SKU string
	Qty int
}

func Label(sku string, qty string) string {
	return fmt.Sprintf("%s (%s left)", sku, qty)
}
