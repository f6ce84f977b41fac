package amount

import (
	"strconv"
	"strings"
)

// ParseCents parses "12.50" into 1250.
func ParseCents(s string) int {
	parts := strings.SplitN(s, ".", 2)
	euros, _ := strconv.Atoi(parts[0])
	cents := 0
	if len(parts) == 2 {
		cents, _ = strconv.Atoi(parts[1])
	}
	return euros*100 + cents
}
