package main

import "fmt"

type Stats struct {
	Requests int
	Errors   int
}

func main() {
	s := Stats{Requests: 1200, Errors: 17}
	rate := float64(s.Errors) / float64(s.Requests) * 100
	fmt.Printf("requests=%d errors=%d rate=%d%%\n", s.Requests, s.Errors, rate)
	fmt.Println("error rate: %.2f", rate)
}
