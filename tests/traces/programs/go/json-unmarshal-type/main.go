package main

import (
	"encoding/json"
	"log"
	"os"
)

type Config struct {
	SMTPHost string `json:"smtp_host"`
	Port     int    `json:"port"`
	From     string `json:"from"`
}

func main() {
	raw, err := os.ReadFile("config.json")
	if err != nil {
		log.Fatalf("read config: %v", err)
	}
	var cfg Config
	if err := json.Unmarshal(raw, &cfg); err != nil {
		log.Fatalf("load config: %v", err)
	}
	log.Printf("sending via %s:%d", cfg.SMTPHost, cfg.Port)
}
