package main

import (
	"fmt"

	"shop/api/orders"
)

func main() { fmt.Println(orders.Order{ID: 1}) }
