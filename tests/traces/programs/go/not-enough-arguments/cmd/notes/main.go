package main

import (
	"log"

	"example.com/notes/store"
)

func main() {
	s := store.New()
	if err := s.Save("n1", "buy milk"); err != nil {
		log.Fatal(err)
	}
}
