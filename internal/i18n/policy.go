package i18n

import (
	"strings"

	"seminars/internal/model"
)

// CancellationPolicy states a cancellation policy in words, one sentence built from its tiers
// (model.CancellationPolicy.Tiers), e.g. "Kostenlos stornierbar bis 28 Tage vor Beginn, bis
// 14 Tage vor Beginn 50 %, danach und bei Nichterscheinen 100 % des Bruttobetrags." The booking
// form, the date page, the cancel page and the confirmation mail all show this one text.
func (t *Translator) CancellationPolicy(p model.CancellationPolicy) string {
	tiers := p.Tiers()
	if len(tiers) == 1 {
		if tiers[0].Percent == 0 {
			return t.T("policy.always_free")
		}
		return t.T("policy.always_fee", "Percent", tiers[0].Percent)
	}
	parts := make([]string, 0, len(tiers))
	for i, tier := range tiers {
		switch {
		case tier.Open():
			parts = append(parts, t.T("policy.fee_after", "Percent", tier.Percent))
		case i == 0 && tier.Percent == 0:
			parts = append(parts, t.T("policy.free_until", "Until", t.until(tier.UntilDays)))
		default:
			parts = append(parts, t.T("policy.fee_until", "Until", t.until(tier.UntilDays), "Percent", tier.Percent))
		}
	}
	text := strings.Join(parts, ", ") + "."
	// A sentence starts with a capital letter even when its first tier already costs a fee.
	return strings.ToUpper(text[:1]) + text[1:]
}

// until names the last day of a tier: so many days before the start, or the day itself.
func (t *Translator) until(days int) string {
	if days == 0 {
		return t.T("policy.on_the_day")
	}
	return t.T("policy.days_before", "Count", days)
}
