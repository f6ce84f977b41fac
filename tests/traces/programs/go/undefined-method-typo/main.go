package main

import "fmt"

func main() {
	inv := &Invoice{Number: "2026-0042", Lines: []Line{{"Hosting", 1900, 3}}}
	fmt.Printf("%s: %.2f EUR\n", inv.Number, float64(inv.Totl())/100)
}
