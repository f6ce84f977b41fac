package main

import (
	"log"
	"net/http"

	"github.com/acme/api/internal/handlers"
)

func main() {
	http.HandleFunc("/user", handlers.GetUser)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
