package handlers

import (
	"encoding/json"
	"net/http"
	"strconv"
)

type User struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

func GetUser(w http.ResponseWriter, r *http.Request) {
	id := strconv.Atoi(r.URL.Query().Get("id"))
	json.NewEncoder(w).Encode(User{ID: id, Name: "demo"})
}
