package main

import "fmt"

func page(items []string, n, size int) []string {
	start := n * size
	return items[start : start+size]
}

func main() {
	results := []string{"a.go", "b.go", "c.go", "d.go", "e.go", "f.go", "g.go"}
	for n := 0; n < 3; n++ {
		fmt.Printf("page %d: %v\n", n+1, page(results, n, 3))
	}
}
