package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestAdminSeminarListPages pages the back office's seminar list by German title: a page holds
// the page size and links on; past the end and unreadable parameters redirect as every
// back-office list does.
func TestAdminSeminarListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		for range 3 {
			storetest.SeedDate(t, st, storetest.DateOptions{})
		}
		all, err := st.AdminSeminars(context.Background())
		if err != nil || len(all) != 3 {
			t.Fatalf("%d seminars, %v", len(all), err)
		}
		a, b, c := all[0].TitleDE, all[1].TitleDE, all[2].TitleDE
		owner := env.signedIn("owner@example.com")
		const base = "/admin/seminars"
		checkPagedPages(t, owner, base, []pagedPageCase{
			{name: "all on one page, no pager", want: []string{a, b, c}, notWant: []string{`rel="next"`, "Seite 1"}},
			{name: "first page", query: "?per_page=2", want: []string{a, b, `rel="next"`, "Seite 1 von 2 (3 insgesamt)"}, notWant: []string{c, `rel="prev"`}},
			{name: "last page", query: "?per_page=2&page=2", want: []string{c, `rel="prev"`}, notWant: []string{a, b, `rel="next"`}},
			{name: "page past the end: the last page", query: "?per_page=2&page=7", location: base + "?page=2&per_page=2", want: []string{c}, notWant: []string{a}},
			{name: "unreadable parameters: the list without them", query: "?page=x&per_page=0", location: base, want: []string{a, b, c}},
		})
	})
}

// TestAdminOfferBookingPages pages the bookings of an accepted offer's date on the offer page,
// oldest first, cancelled ones left out, without reading the attendees.
func TestAdminOfferBookingPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvAt(t, st, storetest.NewClock(t))
		// Seven bookings created a day apart, SEM-B0000006 the oldest; SEM-B0000004 is cancelled.
		date := seedBulkHistory(t, st, 7, 7)[0]
		now := st.Now()
		o := model.Offer{Number: "AN-2026-00001", Year: 2026, Sequence: 1, InquiryID: 1, SeminarID: date.SeminarID,
			SeminarTitle: date.Seminar.TitleDE, Buyer: model.Party{Name: "Kunde & Co. KG"}, Seller: model.Party{Name: "Trainer"},
			ProposedDates: []model.ProposedDate{{StartsAt: date.StartsAt, EndsAt: date.EndsAt}}, Persons: 12,
			Pricing: model.PricingFlat, PriceNetCents: 480000, VATRateBP: 1900, Format: model.FormatOnline, Language: "de",
			IssuedAt: now, ValidUntil: now.Add(30 * 24 * time.Hour), Status: model.OfferAccepted, DateID: &date.ID, AcceptedBy: "company"}
		if err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateOffer(context.Background(), &o) }); err != nil {
			t.Fatal(err)
		}
		owner := env.signedIn("owner@example.com")
		base := fmt.Sprintf("/admin/offers/%d", o.ID)
		link := func(ref string) string { return `href="/admin/bookings/` + ref + `"` }
		checkPagedPages(t, owner, base, []pagedPageCase{
			{name: "all on one page", want: []string{link("SEM-B0000006"), link("SEM-B0000000"), fmt.Sprintf(`href="/admin/dates/%d/attendees"`, date.ID)},
				notWant: []string{link("SEM-B0000004"), `rel="next"`}},
			{name: "first page", query: "?per_page=4", want: []string{link("SEM-B0000006"), link("SEM-B0000002"), `rel="next"`, "Seite 1 von 2 (6 insgesamt)"},
				notWant: []string{link("SEM-B0000001"), `rel="prev"`}},
			{name: "last page", query: "?per_page=4&page=2", want: []string{link("SEM-B0000001"), link("SEM-B0000000"), `rel="prev"`},
				notWant: []string{link("SEM-B0000002"), `rel="next"`}},
			{name: "page past the end: the last page", query: "?per_page=4&page=5", location: base + "?page=2&per_page=4", want: []string{link("SEM-B0000000")}},
			{name: "unreadable parameters: the page without them", query: "?page=x", location: base, want: []string{link("SEM-B0000006"), link("SEM-B0000000")}},
		})
	})
}
