package main

import (
	"database/sql"
	"log"

	_ "github.com/lib/pq"
)

func main() {
	db, err := sql.Open("postgres", "postgres://billing@localhost/billing?sslmode=disable")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
}
