package main

import (
	"fmt"
	"sync"
)

func fetch(url string) string { return "<html>" + url + "</html>" }

func main() {
	urls := []string{"https://example.com/a", "https://example.com/b", "https://example.com/c"}
	pages := make(chan string)
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			pages <- fetch(u)
		}(u)
	}
	wg.Wait()
	close(pages)
	for p := range pages {
		fmt.Println(len(p))
	}
}
