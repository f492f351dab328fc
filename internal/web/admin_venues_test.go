package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// dateFormValues are the back office's date form as it shows a stored date.
func dateFormValues(d model.SeminarDate) url.Values {
	loc := storetest.Berlin()
	return url.Values{
		"starts_at": {d.StartsAt.In(loc).Format("2006-01-02T15:04")}, "ends_at": {d.EndsAt.In(loc).Format("2006-01-02T15:04")},
		"capacity": {fmt.Sprint(d.Capacity)}, "price_net": {fmt.Sprint(d.PriceNetCents / 100)}, "format": {d.Format},
		"city": {d.City}, "venue": {d.Venue}, "address": {d.Address}, "online_url": {d.OnlineURL}, "status": {d.Status},
	}
}

// TestAdminVenuesAndTrainers walks the back office through venues and trainers as an assistant
// (both roles manage them): create with per-field errors, pick them on a date, see them on the
// German and English seminar pages and in GET /api/v1/seminars, change the venue (its upcoming
// date follows and its attendees are told), and refuse to delete what dates still name.
func TestAdminVenuesAndTrainers(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10, PriceNetCents: 49000})
	booked, err := env.srv.bookings.Reserve(ctx, booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Erika Muster", Email: "billing@muster.example",
			Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Jörg", LastName: "Übel", Email: "joerg@muster.example"}}})
	if err != nil {
		t.Fatal(err)
	}
	managePage := "/b/" + booked.Booking.Reference + "?t=" + booked.ManageToken
	assistant := env.signedIn("assistant@example.com")
	datePage := fmt.Sprintf("/admin/dates/%d", date.ID)
	seminarPage := "/seminars/" + date.Seminar.Slug

	var venueID, trainerID uint
	withPeople := func() url.Values {
		v := dateFormValues(date)
		v.Set("venue_id", fmt.Sprint(venueID))
		v["trainer_ids"] = []string{fmt.Sprint(trainerID)}
		return v
	}
	cases := []struct {
		name       string
		method     string
		path       string
		form       func() url.Values
		wantStatus int
		want       []string
		after      func(t *testing.T)
	}{
		{name: "no venue yet", method: http.MethodGet, path: "/admin/venues", wantStatus: http.StatusOK,
			want: []string{"Noch kein Ort angelegt", `href="/admin/venues" aria-current="page"`, `href="/admin/venues/new"`}},
		{name: "venue errors per field, typed values kept", method: http.MethodPost, path: "/admin/venues",
			form: func() url.Values {
				return url.Values{"name": {""}, "city": {""}, "room": {"Saal 1"}, "map_url": {"javascript:alert(1)"}}
			},
			wantStatus: http.StatusUnprocessableEntity, want: []string{"vollständigen Link", `value="Saal 1"`, "aria-invalid"}},
		{name: "venue created", method: http.MethodPost, path: "/admin/venues",
			form: func() url.Values {
				return url.Values{"name": {"Speicherhaus"}, "city": {"Hamburg"}, "address": {"Am Sandtorkai 7, 20457 Hamburg"},
					"room": {"Saal Elbe, 2. OG"}, "directions": {"U4 Überseequartier"}, "accessibility": {"Aufzug, barrierefreies WC"},
					"map_url": {"https://maps.example.com/speicherhaus"}}
			},
			wantStatus: http.StatusSeeOther, after: func(t *testing.T) {
				venues, err := env.st.Venues(ctx)
				if err != nil || len(venues) != 1 {
					t.Fatalf("venues %v, %v", venues, err)
				}
				venueID = venues[0].ID
			}},
		{name: "venue listed", method: http.MethodGet, path: "/admin/venues?done=created", wantStatus: http.StatusOK,
			want: []string{"Angelegt.", "Speicherhaus", "Saal Elbe, 2. OG"}},
		{name: "trainer photo from elsewhere refused", method: http.MethodPost, path: "/admin/trainers",
			form: func() url.Values {
				return url.Values{"name": {"Jana Brandt"}, "photo_url": {"https://evil.example/x.png"}}
			},
			wantStatus: http.StatusUnprocessableEntity, want: []string{"/static/", `value="Jana Brandt"`}},
		{name: "trainer created", method: http.MethodPost, path: "/admin/trainers",
			form: func() url.Values {
				return url.Values{"name": {"Jana Brandt"}, "bio_de": {"Kommunikationswissenschaftlerin."}, "bio_en": {"Communication scientist."},
					"photo_url": {"/static/img/trainers/miriam-albers.svg"}}
			},
			wantStatus: http.StatusSeeOther, after: func(t *testing.T) {
				trainers, err := env.st.Trainers(ctx)
				if err != nil || len(trainers) != 1 {
					t.Fatalf("trainers %v, %v", trainers, err)
				}
				trainerID = trainers[0].ID
			}},
		{name: "date form offers both", method: http.MethodGet, path: datePage, wantStatus: http.StatusOK,
			want: []string{`name="venue_id"`, "Speicherhaus, Hamburg", `name="trainer_ids"`, "Jana Brandt"}},
		{name: "unknown venue on a date", method: http.MethodPost, path: datePage,
			form: func() url.Values {
				v := withPeople()
				v.Set("venue_id", "99999")
				return v
			},
			wantStatus: http.StatusUnprocessableEntity, want: []string{"Diesen Ort gibt es nicht"}},
		{name: "date at the venue with the trainer", method: http.MethodPost, path: datePage, form: withPeople, wantStatus: http.StatusSeeOther,
			after: func(t *testing.T) {
				d, err := env.st.DateByID(ctx, date.ID)
				if err != nil || d.VenueID == nil || *d.VenueID != venueID || d.Venue != "Speicherhaus" || d.City != "Hamburg" ||
					d.Address != "Am Sandtorkai 7, 20457 Hamburg" || len(d.Trainers) != 1 || d.Trainers[0].ID != trainerID {
					t.Fatalf("date %+v (%v): want the venue's strings and the trainer", d, err)
				}
				if d.Sequence != date.Sequence+1 {
					t.Fatalf("sequence %d, want %d: attendees must hear of the new place", d.Sequence, date.Sequence+1)
				}
			}},
		{name: "date form shows the choice", method: http.MethodGet, path: datePage, wantStatus: http.StatusOK,
			want: []string{`<option value="{venue}" selected>`, "checked> Jana Brandt"}},
		{name: "German seminar page", method: http.MethodGet, path: seminarPage, wantStatus: http.StatusOK,
			want: []string{"Ihre Seminarleitung", "Jana Brandt", "Kommunikationswissenschaftlerin.", "mit Jana Brandt",
				"Saal Elbe, 2. OG", "Barrierefreiheit", "Aufzug, barrierefreies WC", "U4 Überseequartier",
				`href="https://maps.example.com/speicherhaus"`, `src="/static/img/trainers/miriam-albers.svg"`,
				`"instructor":[{"@type":"Person","name":"Jana Brandt"}]`}},
		{name: "English seminar page", method: http.MethodGet, path: "/en" + seminarPage, wantStatus: http.StatusOK,
			want: []string{"Your trainers", "Communication scientist.", "with Jana Brandt", "Accessibility", "Open map and route"}},
		{name: "public API keeps the strings", method: http.MethodGet, path: "/api/v1/seminars", wantStatus: http.StatusOK,
			want: []string{`"city":"Hamburg"`, `"venue":"Speicherhaus"`, `"address":"Am Sandtorkai 7, 20457 Hamburg"`,
				`"room":"Saal Elbe, 2. OG"`, `"trainers":[{"id":`, `"name":"Jana Brandt"`}},
		{name: "venue moves", method: http.MethodPost, path: "/admin/venues/{venue}",
			form: func() url.Values {
				return url.Values{"name": {"Speicherhaus"}, "city": {"Hamburg"}, "address": {"Am Sandtorkai 9, 20457 Hamburg"}, "room": {"Saal Alster"}}
			},
			wantStatus: http.StatusSeeOther, after: func(t *testing.T) {
				d, err := env.st.DateByID(ctx, date.ID)
				if err != nil || d.Address != "Am Sandtorkai 9, 20457 Hamburg" || d.Sequence != date.Sequence+2 {
					t.Fatalf("date %q seq %d (%v): the upcoming date must follow its venue and tell its attendees", d.Address, d.Sequence, err)
				}
				items, err := env.st.ListOutbox(ctx, store.OutboxFilter{Limit: 500})
				if err != nil {
					t.Fatal(err)
				}
				told := 0
				for _, it := range items {
					if strings.Contains(it.Payload, string(model.EventDateRescheduled)) {
						told++
					}
				}
				if told != 2 {
					t.Fatalf("%d reschedule notices, want 2 (the date edit and the venue's move)", told)
				}
			}},
		{name: "the booking page shows the venue's details", method: http.MethodGet, path: managePage, wantStatus: http.StatusOK,
			want: []string{"Am Sandtorkai 9, 20457 Hamburg", "Raum", "Saal Alster"}},
		{name: "venue in use stays", method: http.MethodPost, path: "/admin/venues/{venue}/delete", wantStatus: http.StatusSeeOther,
			after: func(t *testing.T) {
				if _, err := env.st.VenueByID(ctx, venueID); err != nil {
					t.Fatalf("venue gone: %v", err)
				}
			}},
		{name: "list says why", method: http.MethodGet, path: "/admin/venues?done=in_use", wantStatus: http.StatusOK,
			want: []string{"noch Terminen zugeordnet"}},
		{name: "trainer in use stays", method: http.MethodPost, path: "/admin/trainers/{trainer}/delete", wantStatus: http.StatusSeeOther},
		{name: "trainers listed", method: http.MethodGet, path: "/admin/trainers?done=in_use", wantStatus: http.StatusOK,
			want: []string{"Jana Brandt", "noch Terminen zugeordnet"}},
		{name: "unknown venue page", method: http.MethodGet, path: "/admin/venues/99999", wantStatus: http.StatusNotFound},
		{name: "the audit log stays the owner's", method: http.MethodGet, path: "/admin/audit", wantStatus: http.StatusForbidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ids := strings.NewReplacer("{venue}", fmt.Sprint(venueID), "{trainer}", fmt.Sprint(trainerID))
			path := ids.Replace(c.path)
			var res *http.Response
			var body string
			if c.method == http.MethodGet {
				res, body = assistant.get(path)
			} else {
				form := url.Values{}
				if c.form != nil {
					form = c.form()
				}
				res, body = assistant.post("/admin", path, form)
			}
			if res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, c.wantStatus, excerpt(body))
			}
			for _, w := range c.want {
				if w = ids.Replace(w); !strings.Contains(body, w) {
					t.Fatalf("body lacks %q\n%s", w, excerpt(body))
				}
			}
			if c.after != nil {
				c.after(t)
			}
		})
	}
}
