package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	hits int
}

func main() {
	var st Stats
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				st.hits++
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", st.hits)
}
