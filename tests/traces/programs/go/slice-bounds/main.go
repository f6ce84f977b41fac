package main

import (
	"fmt"
	"strings"
)

// shortID returns the first 12 characters of a container id.
func shortID(id string) string {
	return id[:12]
}

func main() {
	lines := []string{
		"3f2a9c81d4e7b6a0c1d2e3f4 web Up 3 hours",
		"91bc77e0 worker Exited (1)",
	}
	for _, l := range lines {
		f := strings.Fields(l)
		fmt.Println(shortID(f[0]), f[1])
	}
}
