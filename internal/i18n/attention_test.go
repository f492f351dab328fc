package i18n

import (
	"testing"

	"seminars/internal/model"
)

// Every attention reason and payment status the service stores has a label in both languages
// (booker pages use payment_status.*, admin pages admin.payment_status.*).
func TestAttentionReasonsAndPaymentStatusesAreTranslated(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// The dashboard's attention list translates admin.attention.reason.<reason>.
	keys := []string{"admin.attention.reason." + model.AttentionRefundManual}
	for _, status := range []model.PaymentStatus{model.PaymentUnpaid, model.PaymentPaid, model.PaymentRefunded, model.PaymentPartiallyRefunded, model.PaymentPartiallyPaid, model.PaymentOverpaid} {
		keys = append(keys, "payment_status."+string(status), "admin.payment_status."+string(status))
	}
	for _, lang := range []string{"de", "en"} {
		for _, key := range keys {
			if !c.For(lang).Has(key) {
				t.Errorf("%s: %s missing", lang, key)
			}
		}
	}
}
