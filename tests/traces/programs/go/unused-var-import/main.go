package main

import (
	"fmt"
	"net/http"
	"os"
	"time"
)

func main() {
	client := &http.Client{Timeout: 3 * time.Second}
	resp, err := client.Get("http://127.0.0.1:9/healthz")
	if err != nil {
		fmt.Println("DOWN")
		return
	}
	status := resp.StatusCode
	fmt.Println("UP")
}
