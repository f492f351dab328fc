package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func TestAdminBookingMove(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	from := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 5})
	addDate := func(capacity int) model.SeminarDate {
		start := from.StartsAt.Add(7 * 24 * time.Hour)
		d := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: capacity, Format: model.FormatOnline,
			OnlineURL: "https://meet.example.com/x", Status: model.DatePublished}
		if err := env.srv.office.CreateDate(ctx, "test", from.SeminarID, &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	roomy, tiny := addDate(10), addDate(1)
	other := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	b := env.book(from.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier")
	page := "/admin/bookings/" + b.Reference + "/move"
	assistant := env.signedIn("assistant@example.com")
	if res, body := assistant.get(page); res.StatusCode != http.StatusOK || !strings.Contains(body, fmt.Sprintf(`value="%d"`, roomy.ID)) {
		t.Fatalf("move page: %d", res.StatusCode)
	}
	cases := []struct {
		name       string
		to         uint
		wantStatus int
		wantBody   string
	}{
		{"to a full date", tiny.ID, http.StatusConflict, "nur noch 1 Platz frei"},
		{"to another seminar's date", other.ID, http.StatusUnprocessableEntity, "desselben Seminars"},
		{"to an unknown date", 99999, http.StatusUnprocessableEntity, "keine Buchungen"},
		{"to a date with room", roomy.ID, http.StatusSeeOther, ""},
		{"again, now from there", roomy.ID, http.StatusUnprocessableEntity, "desselben Seminars"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := assistant.post(page, page, url.Values{"date": {fmt.Sprint(c.to)}})
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.wantBody) {
				t.Fatalf("status %d (want %d), has %q: %v", res.StatusCode, c.wantStatus, c.wantBody, strings.Contains(body, c.wantBody))
			}
		})
	}
	seats := func(id uint) int { d, _ := env.st.DateByID(ctx, id); return d.SeatsTaken }
	if seats(from.ID) != 0 || seats(roomy.ID) != 2 || seats(tiny.ID) != 0 {
		t.Fatalf("seats: from %d, roomy %d, tiny %d", seats(from.ID), seats(roomy.ID), seats(tiny.ID))
	}
	moved, _ := env.st.BookingByReference(ctx, b.Reference)
	if moved.DateID != roomy.ID {
		t.Fatalf("booking on date %d", moved.DateID)
	}
	items, _ := env.st.DueOutboxItems(ctx, model.TopicMailEvent, env.st.Now().Add(time.Hour), 100)
	notices := 0
	for _, it := range items {
		if strings.Contains(it.Payload, string(model.EventAttendeeMoved)) && strings.Contains(it.Payload, fmt.Sprintf(`"from_date_id":"%d"`, from.ID)) {
			notices++
		}
	}
	if notices != 1 {
		t.Fatalf("%d moved notices, want one for the move (naming both attendees)", notices)
	}
}
