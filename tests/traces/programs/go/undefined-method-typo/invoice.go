package main

type Line struct {
	Desc  string
	Cents int
	Qty   int
}

type Invoice struct {
	Number string
	Lines  []Line
}

func (inv *Invoice) Total() int {
	sum := 0
	for _, l := range inv.Lines {
		sum += l.Cents * l.Qty
	}
	return sum
}
