package main

import (
	"fmt"
	"strings"
)

func normalize(raw []string) []string {
	var tags []string
	for _, t := range raw {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" {
			append(tags, t)
		}
	}
	return tags
}

func main() {
	fmt.Println(normalize([]string{" Go", "CLI ", ""}))
}
