package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// What the admin API's actions do, as a client sees it in their answers and in what the back
// office shows afterwards; TestOpenAPIConformance checks their shapes and statuses.

// apiJSON sends a request with the token and decodes the answer into out.
func (e *adminEnv) apiJSON(method, path, token, body string, wantStatus int, out any) {
	e.t.Helper()
	status, answer := e.api(method, path, token, body)
	if status != wantStatus {
		e.t.Fatalf("%s %s: status %d, want %d: %s", method, path, status, wantStatus, answer)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(answer), out); err != nil {
			e.t.Fatalf("%s %s: %v in %s", method, path, err, answer)
		}
	}
}

func TestAdminAPIPatchKeepsWhatIsNotSent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		token := env.tokenFor(model.RoleAssistant)
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 8})
		var date adminDateJSON
		env.apiJSON(http.MethodPatch, fmt.Sprintf("/api/v1/admin/dates/%d", d.ID), token, `{"capacity":12}`, http.StatusOK, &date)
		if date.Capacity != 12 || !date.StartsAt.Equal(d.StartsAt) || date.PriceNetCents != d.PriceNetCents || date.Format != d.Format || date.City != d.City {
			t.Fatalf("after the patch %+v, before %+v", date, d)
		}
		var sem adminSeminarJSON
		env.apiJSON(http.MethodPatch, fmt.Sprintf("/api/v1/admin/seminars/%d", d.SeminarID), token, `{"teaser_en":"In one day"}`, http.StatusOK, &sem)
		if sem.TeaserEN != "In one day" || sem.TitleDE != d.Seminar.TitleDE || sem.DefaultPriceCents != d.Seminar.DefaultPriceCents || sem.Slug != d.Seminar.Slug {
			t.Fatalf("after the patch %+v, before %+v", sem, d.Seminar)
		}
	})
}

func TestAdminAPIMoveOneAttendee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		ctx := context.Background()
		from := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5})
		start := from.StartsAt.AddDate(0, 0, 7)
		to := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 5, Format: model.FormatOnline,
			OnlineURL: "https://meet.example.com/x", Status: model.DatePublished}
		if err := env.srv.office.CreateDate(ctx, "test", from.SeminarID, &to); err != nil {
			t.Fatal(err)
		}
		b := env.book(from.ID, "Muster GmbH", "Anna Schmidt", "Berta Meier")
		var out moveResultJSON
		env.apiJSON(http.MethodPost, "/api/v1/admin/bookings/"+b.Reference+"/move", env.tokenFor(model.RoleAssistant),
			fmt.Sprintf(`{"date_id":%d,"attendee_id":%d}`, to.ID, b.Attendees[1].ID), http.StatusOK, &out)
		if out.Original == nil || out.Booking.Reference == b.Reference || out.Booking.DateID != to.ID || len(out.Booking.Attendees) != 1 ||
			out.Booking.Attendees[0].LastName != "Meier" || len(out.Original.Attendees) != 1 || out.Original.DateID != from.ID {
			t.Fatalf("moved %+v", out)
		}
		seats := func(id uint) int { d, _ := st.DateByID(ctx, id); return d.SeatsTaken }
		if seats(from.ID) != 1 || seats(to.ID) != 1 {
			t.Fatalf("seats: from %d, to %d", seats(from.ID), seats(to.ID))
		}
		if len(out.Booking.Documents) == 0 || out.Booking.AmountDueCents != out.Booking.TotalGrossCents {
			t.Fatalf("the new booking has its own invoice to pay: %+v", out.Booking)
		}
	})
}

func TestAdminAPICancelBookingFees(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		// A week before the start: inside the 14 days of the shipped policy, which keeps 50 %.
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, StartsIn: 7 * 24 * time.Hour})
		cases := []struct {
			name, fee string
			wantDue   func(gross int64) int64
		}{
			{"under the policy the fee is owed", "policy", func(gross int64) int64 { return gross / 2 }},
			{"without fee nothing is owed", "none", func(int64) int64 { return 0 }},
		}
		owner := env.tokenFor(model.RoleOwner)
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				b := env.book(d.ID, "Storno GmbH", "Anna Schmidt")
				var out adminBookingDetailJSON
				env.apiJSON(http.MethodPost, "/api/v1/admin/bookings/"+b.Reference+"/cancel", owner, `{"fee":"`+c.fee+`"}`, http.StatusOK, &out)
				if out.Status != model.BookingCancelled || out.AmountDueCents != c.wantDue(b.GrossCents) || out.Cancellation.Possible {
					t.Fatalf("gross %d: cancelled %+v", b.GrossCents, out)
				}
			})
		}
		if date, _ := st.DateByID(context.Background(), d.ID); date.SeatsTaken != 0 {
			t.Fatalf("seats taken %d after both cancellations", date.SeatsTaken)
		}
	})
}

func TestAdminAPIDateCancel(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 9})
		first := env.book(d.ID, "Eins GmbH", "Anna Schmidt", "Berta Meier")
		env.book(d.ID, "Zwei GmbH", "Carla Neu")
		owner := env.tokenFor(model.RoleOwner)
		path := fmt.Sprintf("/api/v1/admin/dates/%d/cancel", d.ID)
		var preview, done dateCancelJSON
		env.apiJSON(http.MethodGet, path, owner, "", http.StatusOK, &preview)
		if !preview.Possible || preview.People != 3 || len(preview.Bookings) != 2 {
			t.Fatalf("preview %+v", preview)
		}
		env.apiJSON(http.MethodPost, path, owner, "", http.StatusOK, &done)
		if done.Date.Status != model.DateCancelled || done.People != 3 {
			t.Fatalf("cancelled %+v", done)
		}
		env.apiJSON(http.MethodGet, path, owner, "", http.StatusOK, &preview)
		if preview.Possible || len(preview.Bookings) != 0 {
			t.Fatalf("preview after the cancellation %+v", preview)
		}
		if b, _ := st.BookingByReference(context.Background(), first.Reference); b.Status != model.BookingCancelled {
			t.Fatalf("booking %s is %s", b.Reference, b.Status)
		}
	})
}

func TestAdminAPIMarkPaid(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 9})
		b := env.book(d.ID, "Zahl GmbH", "Anna Schmidt")
		var out adminBookingDetailJSON
		env.apiJSON(http.MethodPost, "/api/v1/admin/bookings/"+b.Reference+"/mark-paid", env.tokenFor(model.RoleOwner), "", http.StatusOK, &out)
		if out.PaymentStatus != model.PaymentPaid || out.AmountDueCents != 0 || len(out.Payments) != 1 || out.Payments[0].AmountCents != b.GrossCents ||
			out.Payments[0].RecordedBy != "api:conformance-owner" {
			t.Fatalf("marked paid %+v", out)
		}
	})
}

func TestAdminAPIVoucherSwitchedOff(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newLedgerEnv(t, st)
		d := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 9})
		owner := env.tokenFor(model.RoleOwner)
		var v adminVoucherJSON
		env.apiJSON(http.MethodPost, "/api/v1/admin/vouchers", owner, `{"code":"herbst","percent":12.5,"max_uses":3}`, http.StatusCreated, &v)
		if v.Code != "HERBST" || v.Kind != model.VoucherPercent || v.Percent != 12.5 || !v.Active || v.MaxUses != 3 {
			t.Fatalf("created %+v", v)
		}
		book := func() error {
			_, err := env.srv.bookings.Reserve(context.Background(), booking.Request{DateID: d.ID, PaymentMethod: model.PaymentInvoice,
				Language: "de", Voucher: "herbst", Billing: model.Billing{Company: "Rabatt GmbH", Name: "Ida Fünf", Email: "ida@rabatt.example",
					Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Attendees: []booking.AttendeeInput{{FirstName: "Ida", LastName: "Fünf", Email: "ida@rabatt.example"}}})
			return err
		}
		if err := book(); err != nil {
			t.Fatalf("booking with the voucher on: %v", err)
		}
		env.apiJSON(http.MethodPatch, "/api/v1/admin/vouchers/HERBST", owner, `{"active":false,"max_uses":5}`, http.StatusOK, &v)
		if v.Active || v.Uses != 1 || v.MaxUses != 5 || v.Percent != 12.5 {
			t.Fatalf("switched off %+v", v)
		}
		if err := book(); err == nil {
			t.Fatal("a switched-off voucher was taken")
		}
		env.apiJSON(http.MethodDelete, "/api/v1/admin/vouchers/HERBST", owner, "", http.StatusConflict, nil)
	})
}

// A wrong method on a path of the admin API is 405 with the methods it takes, before the token
// is even looked at.
func TestAdminAPIWrongMethod(t *testing.T) {
	env := newAdminEnv(t)
	cases := []struct{ method, path, allow string }{
		{http.MethodPut, "/api/v1/admin/vouchers/SPRING10", "GET, HEAD, PATCH, DELETE"},
		{http.MethodDelete, "/api/v1/admin/dates/1", "GET, HEAD, PATCH"},
		{http.MethodPatch, "/api/v1/admin/dates/1/cancel", "GET, HEAD, POST"},
		{http.MethodGet, "/api/v1/admin/bookings/SEM-ABC123/move", "POST"},
		{http.MethodDelete, "/api/v1/admin/bookings/SEM-ABC123", "GET, HEAD"},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, env.http.URL+c.path, nil)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != c.allow {
				t.Fatalf("status %d, Allow %q (want 405, %q)", res.StatusCode, res.Header.Get("Allow"), c.allow)
			}
		})
	}
}
