package main

import (
	"fmt"
	"sync"
)

func resize(name string, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("resized", name)
}

func main() {
	files := []string{"a.jpg", "b.jpg", "c.jpg"}
	var wg sync.WaitGroup
	wg.Add(1)
	for _, f := range files {
		resize(f, &wg)
	}
	wg.Wait()
}
