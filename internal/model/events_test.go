package model

import (
	"encoding/json"
	"testing"
)

// TestEventPayloadKeepsStoredShape: outbox items written before the payload was typed (a map of
// strings under "extra") read into the typed fields, and new items are written in that shape.
func TestEventPayloadKeepsStoredShape(t *testing.T) {
	cases := []struct {
		name   string
		stored string
		want   EventPayload
	}{
		{"manage token", `{"event":"booking_confirmed","booking_id":7,"extra":{"manage_token":"s3cret"}}`,
			EventPayload{Event: EventBookingConfirmed, BookingID: 7, Extra: EventExtra{ManageToken: "s3cret"}}},
		{"refund amount", `{"event":"booking_refunded","booking_id":7,"extra":{"amount_cents":"58310"}}`,
			EventPayload{Event: EventBookingRefunded, BookingID: 7, Extra: EventExtra{AmountCents: 58310}}},
		{"moved attendee", `{"event":"attendee_moved","date_id":3,"attendee_id":9,"extra":{"from_date_id":"2"}}`,
			EventPayload{Event: EventAttendeeMoved, DateID: 3, AttendeeID: 9, Extra: EventExtra{FromDateID: 2}}},
		{"one move, several attendees", `{"event":"attendee_moved","booking_id":7,"date_id":3,"extra":{"attendee_ids":"9,11","attendees_only":"true","from_date_id":"2"}}`,
			EventPayload{Event: EventAttendeeMoved, BookingID: 7, DateID: 3, Extra: EventExtra{FromDateID: 2, AttendeeIDs: NewIDList(9, 11), AttendeesOnly: true}}},
		{"payment reminder", `{"event":"payment_reminder","booking_id":7,"extra":{"amount_cents":"58310","invoice_due":"2030-01-14","invoice_id":"4","step":"2"}}`,
			EventPayload{Event: EventPaymentReminder, BookingID: 7, Extra: EventExtra{AmountCents: 58310, InvoiceID: 4, Step: 2, InvoiceDue: "2030-01-14"}}},
		{"waiting-list offer", `{"event":"waitlist_offer","date_id":3,"lang":"en","extra":{"email":"w@x.example","name":"W","seats":"2","until":"2030-11-04T10:00:00Z","url":"https://x/waitlist/offer/t"}}`,
			EventPayload{Event: EventWaitlistOffer, DateID: 3, Lang: "en", Extra: EventExtra{
				Email: "w@x.example", Name: "W", Seats: 2, Until: "2030-11-04T10:00:00Z", URL: "https://x/waitlist/offer/t"}}},
		{"parked item", `{"event":"item_parked","extra":{"error":"boom","key":"stripe.refund:r","outbox_id":"12","topic":"stripe.refund"}}`,
			EventPayload{Event: EventItemParked, Extra: EventExtra{OutboxID: 12, Topic: TopicStripeRefund, Key: "stripe.refund:r", Error: "boom"}}},
		{"no extra", `{"event":"reminder","booking_id":1,"date_id":2,"attendee_id":3}`,
			EventPayload{Event: EventReminder, BookingID: 1, DateID: 2, AttendeeID: 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got EventPayload
			if err := json.Unmarshal([]byte(tc.stored), &got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Fatalf("read %+v, want %+v", got, tc.want)
			}
			written, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if !sameJSON(t, written, []byte(tc.stored)) {
				t.Fatalf("written as %s, stored shape %s", written, tc.stored)
			}
		})
	}
}

func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	xs, _ := json.Marshal(x)
	ys, _ := json.Marshal(y)
	return string(xs) == string(ys)
}
