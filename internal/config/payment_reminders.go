package config

import (
	"fmt"
	"strconv"
	"strings"
)

// ParsePaymentReminderDays reads payment_reminder_days, a comma-separated list of days after an
// invoice's due date ("7,14,28"): each a whole number from 1 to 365, rising. Empty means none.
func ParsePaymentReminderDays(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 || n > 365 {
			return nil, fmt.Errorf("payment_reminder_days: %q is not a number of days from 1 to 365 (like \"7,14,28\")", part)
		}
		if len(out) > 0 && n <= out[len(out)-1] {
			return nil, fmt.Errorf("payment_reminder_days: %d does not come after %d; list the days rising (like \"7,14,28\")", n, out[len(out)-1])
		}
		out = append(out, n)
	}
	return out, nil
}
