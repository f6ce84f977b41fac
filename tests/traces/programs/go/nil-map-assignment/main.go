package main

import "fmt"

type Flags struct {
	enabled map[string]bool
}

func (f *Flags) Enable(name string) {
	f.enabled[name] = true
}

func main() {
	var flags Flags
	for _, name := range []string{"new-checkout", "dark-mode"} {
		flags.Enable(name)
	}
	fmt.Println(flags.enabled)
}
