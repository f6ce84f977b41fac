package main

import (
	"fmt"
	"time"
)

type Poller struct {
	quit chan struct{}
}

func (p *Poller) Run() {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			fmt.Println("poll")
		case <-p.quit:
			return
		}
	}
}

func (p *Poller) Stop() { close(p.quit) }

func main() {
	p := &Poller{quit: make(chan struct{})}
	defer p.Stop()
	go p.Run()
	time.Sleep(25 * time.Millisecond)
	p.Stop() // shutdown path also stops the poller
	fmt.Println("shutdown complete")
}
