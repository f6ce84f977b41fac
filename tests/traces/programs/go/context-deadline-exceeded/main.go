package main

import (
	"log"
	"net"
	"net/http"
	"time"
)

func main() {
	// a stand-in for the slow upstream: accepts connections, never answers
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()

	client := &http.Client{Timeout: 1500 * time.Millisecond}
	log.Printf("fetching rates from %s", ln.Addr())
	resp, err := client.Get("http://" + ln.Addr().String() + "/v1/rates?base=EUR")
	if err != nil {
		log.Fatalf("rates sync failed: %v", err)
	}
	defer resp.Body.Close()
}
