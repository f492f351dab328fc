package config

import (
	"fmt"
	"strconv"
	"strings"
)

// CancellationStep is one entry of cancellation_steps: Percent of the gross amount is kept when
// cancelling Days or more calendar days before the date's first day, up to the entry before it.
type CancellationStep struct {
	Days    int
	Percent int
}

// ParseCancellationSteps reads cancellation_steps, a comma-separated list of days:percent from
// the earliest period to the last, e.g. "28:0,14:50,0:100": free with 28 or more days left, 50 %
// with 14 to 27, 100 % from 13 days on, on the day and for no-shows. The list must start free
// (percent 0), fees may only rise, and it must end with 0:percent so the day itself and no-shows
// are covered by what the booker reads. Empty means no steps (nil, no error).
func ParseCancellationSteps(s string) ([]CancellationStep, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	const example = `like "28:0,14:50,0:100"`
	var steps []CancellationStep
	for _, entry := range strings.Split(s, ",") {
		daysText, percentText, ok := strings.Cut(strings.TrimSpace(entry), ":")
		days, errDays := strconv.Atoi(strings.TrimSpace(daysText))
		percent, errPercent := strconv.Atoi(strings.TrimSpace(percentText))
		if !ok || errDays != nil || errPercent != nil {
			return nil, fmt.Errorf("cancellation_steps: %q is not days:percent (%s)", strings.TrimSpace(entry), example)
		}
		if days < 0 || percent < 0 || percent > 100 {
			return nil, fmt.Errorf("cancellation_steps: in %q days must not be negative and the percent must be between 0 and 100", strings.TrimSpace(entry))
		}
		if n := len(steps); n > 0 {
			if days >= steps[n-1].Days {
				return nil, fmt.Errorf("cancellation_steps: the days must fall from entry to entry (%d after %d), %s", days, steps[n-1].Days, example)
			}
			if percent < steps[n-1].Percent {
				return nil, fmt.Errorf("cancellation_steps: the fee must not fall closer to the date (%d %% after %d %%)", percent, steps[n-1].Percent)
			}
		}
		steps = append(steps, CancellationStep{Days: days, Percent: percent})
	}
	if steps[0].Percent != 0 {
		return nil, fmt.Errorf("cancellation_steps: the first entry must be free (percent 0), %s", example)
	}
	if last := steps[len(steps)-1]; last.Days != 0 {
		return nil, fmt.Errorf("cancellation_steps: the last entry must be 0:percent (the day itself and no-shows), %s", example)
	}
	return steps, nil
}
