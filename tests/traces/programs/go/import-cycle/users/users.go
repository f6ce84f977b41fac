package users

import "shop/api/orders"

type User struct {
	ID     int
	Orders []orders.Order
}
