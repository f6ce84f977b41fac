package main

import (
	"fmt"
	"sync"
)

func main() {
	status := map[string]int{}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 100000; i++ {
				status[fmt.Sprintf("https://example.org/page/%d", i%500)] = 200 + w
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(len(status), "links checked")
}
