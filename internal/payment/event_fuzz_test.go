package payment_test

import (
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"seminars/internal/payment"
)

// FuzzWebhookParse feeds arbitrary bodies and Stripe-Signature headers to ParseEvent: it must never
// panic, and it may accept only an event whose signature is right and whose timestamp lies within
// the tolerance of the injected clock. With sign set, the fuzzer's body is signed properly at
// now+offset seconds, so the event decoding behind the signature check is fuzzed too.
func FuzzWebhookParse(f *testing.F) {
	const secret = "whsec_fuzz"
	now := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	event := `{"id":"evt_1","object":"event","api_version":"` + stripe.APIVersion + `","type":"checkout.session.completed",` +
		`"data":{"object":{"id":"cs_1","object":"checkout.session","client_reference_id":"SEM-ABCDEF","payment_status":"paid","payment_intent":"pi_1"}}}`
	refund := `{"id":"evt_2","object":"event","type":"refund.updated","data":{"object":{"id":"re_1","object":"refund","amount":100,"status":"failed","metadata":{"booking_reference":"SEM-X"}}}}`
	f.Add([]byte(event), "", true, int64(0))
	f.Add([]byte(event), "", true, int64(3600))
	f.Add([]byte(event), "", true, int64(-301))
	f.Add([]byte(refund), "", true, int64(60))
	f.Add([]byte(event), "t=1793520000,v1=00", false, int64(0))
	f.Add([]byte(`{"id":`), "t=,v1=zz,t=1", false, int64(0))
	f.Add([]byte(`{"data":{"object":null}}`), "", true, int64(0))
	f.Fuzz(func(t *testing.T, body []byte, header string, sign bool, offset int64) {
		if sign {
			offset %= 7200 // keep time.Unix in range; ±2 h covers both sides of the tolerance
			header = webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{
				Payload: body, Secret: secret, Timestamp: now.Add(time.Duration(offset) * time.Second),
			}).Header
		}
		_, err := payment.ParseEvent(body, header, secret, now)
		if err != nil {
			return
		}
		if verr := webhook.ValidatePayloadIgnoringTolerance(body, header, secret); verr != nil {
			t.Fatalf("accepted an event whose signature does not verify: %v", verr)
		}
		if !sign {
			return
		}
		if d := time.Duration(offset) * time.Second; d > payment.SignatureTolerance || d < -payment.SignatureTolerance {
			t.Fatalf("accepted an event signed %v from now", d)
		}
	})
}
