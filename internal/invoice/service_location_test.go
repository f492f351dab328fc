package invoice_test

import (
	"context"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestInvoiceStatesThePlaceOfService: an invoice freezes where the service is performed — the
// venue record's name, room and address, or a free-text date's venue and address — and prints it
// as "Leistungsort" / "Place of service"; an online date has none.
func TestInvoiceStatesThePlaceOfService(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t)
	r := renderer(t)
	atVenue := seedDate(t, st)
	v := model.Venue{Name: "Speicherhaus", City: "Hamburg", Address: "Am Sandtorkai 7, 20457 Hamburg", Room: "Saal Elbe, 2. OG"}
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateVenue(ctx, &v); err != nil {
			return err
		}
		atVenue.UseVenue(v)
		return tx.UpdateDate(ctx, &atVenue)
	})
	if err != nil {
		t.Fatal(err)
	}
	online := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, PriceNetCents: 49000, Format: model.FormatOnline})
	cases := []struct {
		name, lang, label, location string
		date                        model.SeminarDate
	}{
		{"venue record, German", "de", "Leistungsort", "Speicherhaus, Saal Elbe, 2. OG, Am Sandtorkai 7, 20457 Hamburg", atVenue},
		{"free text, English", "en", "Place of service", "Tagungshaus, Hauptstraße 1, 10115 Berlin", seedDate(t, st)},
		{"online", "de", "", "", online},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inv := issue(t, st, seedBooking(t, st, c.date, 1, c.lang), issueDay)
			if inv.ServiceLocation != c.location {
				t.Fatalf("service location %q, want %q", inv.ServiceLocation, c.location)
			}
			pdf, err := r.InvoicePDF(inv)
			if err != nil {
				t.Fatal(err)
			}
			text := squash(pdfText(t, pdf))
			if c.label == "" {
				if strings.Contains(text, "Leistungsort") {
					t.Errorf("online invoice names a place of service:\n%s", text)
				}
				return
			}
			for _, w := range []string{c.label, "Speicherhaus"} {
				if w == "Speicherhaus" && c.date.VenueID == nil {
					w = "Tagungshaus"
				}
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q:\n%s", w, text)
				}
			}
		})
	}
}
