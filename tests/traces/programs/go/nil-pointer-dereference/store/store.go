package store

type Customer struct {
	ID    int
	Email string
}

type Order struct {
	ID       int
	Customer *Customer
}

func Load() []Order {
	return []Order{
		{ID: 1, Customer: &Customer{ID: 7, Email: "nina@example.com"}},
		{ID: 2}, // guest checkout: no customer account
	}
}
