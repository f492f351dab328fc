package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestAdminDateCancel(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 8})
	one := env.book(date.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier")
	two := env.book(date.ID, "Beispiel AG", "Carla Neu")
	page := fmt.Sprintf("/admin/dates/%d/cancel", date.ID)
	assistant := env.signedIn("assistant@example.com")
	if res, _ := assistant.post("/admin", page, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("assistant cancels a date: %d", res.StatusCode)
	}
	owner := env.signedIn("owner@example.com")
	res, body := owner.get(page)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "2 Buchungen mit 3 Teilnehmenden") || !strings.Contains(body, "Carla Neu") {
		t.Fatalf("preview: %d\n%s", res.StatusCode, excerpt(body))
	}
	if res, _ := owner.post(page, page, nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d", res.StatusCode)
	}
	ctx := context.Background()
	d, _ := env.st.DateByID(ctx, date.ID)
	if d.Status != model.DateCancelled || d.SeatsTaken != 0 || d.Sequence != date.Sequence+1 {
		t.Fatalf("date after cancelling: %+v", d)
	}
	for _, ref := range []string{one.Reference, two.Reference} {
		if b, _ := env.st.BookingByReference(ctx, ref); b.Status != model.BookingCancelled {
			t.Fatalf("booking %s is %s", ref, b.Status)
		}
	}
	// One notice for everyone: the date's cancellation, not a second "booking cancelled" each.
	events, _ := env.st.ListOutbox(ctx, store.OutboxFilter{Topic: model.TopicMailEvent})
	counts := map[model.Event]int{}
	for _, e := range events {
		for _, ev := range []model.Event{model.EventDateCancelled, model.EventBookingCancelled} {
			if strings.Contains(e.Payload, `"event":"`+string(ev)+`"`) {
				counts[ev]++
			}
		}
	}
	if counts[model.EventDateCancelled] != 1 || counts[model.EventBookingCancelled] != 0 {
		t.Fatalf("mail events %v, want one date_cancelled and no booking_cancelled", counts)
	}
	if _, audit := owner.get("/admin/audit"); !strings.Contains(audit, "Termin abgesagt") {
		t.Fatal("the cancellation is not in the audit log")
	}
	if res, _ := env.browser().get(fmt.Sprintf("/book/%d", date.ID)); res.StatusCode != http.StatusNotFound {
		t.Fatalf("a cancelled date still takes bookings: %d", res.StatusCode)
	}
}
