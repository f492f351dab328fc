package i18n

import (
	"testing"

	"seminars/internal/model"
)

// Every attention reason and payment status the service stores has a label in both languages.
func TestAttentionReasonsAndPaymentStatusesAreTranslated(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, reason := range []string{model.AttentionLatePaymentNoSeats, model.AttentionRefundFailed, model.AttentionRefundManual} {
		keys = append(keys, "admin.attention."+reason)
	}
	for _, lang := range []string{"de", "en"} {
		for _, key := range keys {
			if !c.For(lang).Has(key) {
				t.Errorf("%s: %s missing", lang, key)
			}
		}
	}
}
