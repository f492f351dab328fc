package model

import (
	"math"
	"slices"
)

// CancellationTier is one period of a CancellationPolicy as the booker reads it: Percent of the
// gross amount is kept when cancelling UntilDays or more calendar days before the start's day
// (and fewer than the tier before it). The last tier has no bound (UntilDays is math.MinInt): it
// covers everything after the tier before it, the day itself and no-shows.
type CancellationTier struct {
	UntilDays int
	Percent   int
}

// Open tells whether the tier is the last one, without a lower bound.
func (t CancellationTier) Open() bool { return t.UntilDays == math.MinInt }

// Tiers lists the policy's periods from the earliest (most days left) to the last, each with a
// fee different from the one before, so the words shown to the booker and FeePercentAt cannot
// disagree: every tier's percent is FeePercentAt on its own first day.
func (p CancellationPolicy) Tiers() []CancellationTier {
	bounds := []int{p.FreeDays}
	for _, s := range p.Steps {
		bounds = append(bounds, s.Within)
	}
	slices.Sort(bounds)
	slices.Reverse(bounds)
	bounds = slices.Compact(bounds)
	var tiers []CancellationTier
	add := func(until, percent int) {
		if n := len(tiers); n > 0 && tiers[n-1].Percent == percent {
			// The same fee continues: the earlier tier reaches further.
			tiers[n-1].UntilDays = until
			return
		}
		tiers = append(tiers, CancellationTier{UntilDays: until, Percent: percent})
	}
	for _, b := range bounds {
		if b < 0 {
			continue
		}
		add(b, p.percentForDays(b))
	}
	add(math.MinInt, p.percentForDays(-1))
	return tiers
}

// percentForDays is FeePercentAt for a cancellation days calendar days before the start.
func (p CancellationPolicy) percentForDays(days int) int {
	percent := 0
	if days < p.FreeDays {
		percent = p.FeePercent
	}
	for _, step := range p.Steps {
		if days < step.Within {
			percent = max(percent, step.Percent)
		}
	}
	return min(max(percent, 0), 100)
}
