package orders

import "shop/api/users"

type Order struct {
	ID    int
	Buyer users.User
}
