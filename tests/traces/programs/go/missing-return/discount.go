package pricing

// Discount returns the discount in percent for a customer tier.
func Discount(tier string) int {
	switch tier {
	case "gold":
		return 15
	case "silver":
		return 10
	case "bronze":
		return 5
	}
}
