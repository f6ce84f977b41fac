package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	log.Println("status-page listening on :8089")
	log.Fatal(http.ListenAndServe(":8089", nil))
}
