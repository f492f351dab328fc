package form

import (
	"math"
	"strconv"
	"strings"
)

// ParsePercentBP reads a percentage as typed ("10", "12,5", "7.5 %") as basis points; ok is false
// for anything that is not a number above 0 and at most 100.
func ParsePercentBP(s string) (int, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	p, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(p) || p <= 0 || p > 100 {
		return 0, false
	}
	return int(math.Round(p * 100)), true
}
