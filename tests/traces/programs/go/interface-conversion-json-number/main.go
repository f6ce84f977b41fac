package main

import (
	"encoding/json"
	"fmt"
	"log"
)

func main() {
	body := []byte(`{"event":"invoice.paid","attempt":2,"amount":1999}`)
	var payload map[string]interface{}
	if err := json.Unmarshal(body, &payload); err != nil {
		log.Fatal(err)
	}
	attempt := payload["attempt"].(int)
	fmt.Println("retry", attempt+1)
}
