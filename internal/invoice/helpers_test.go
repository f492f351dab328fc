package invoice_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

var refCounter atomic.Int64

// testSeller is a seller with every field a document prints.
func testSeller() invoice.Seller {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return invoice.Seller{
		Name: "Social Media Kompetenz – Jörg Weiß", Street: "Musterstraße 1", PostalCode: "10115", City: "Berlin",
		Country: "DE", VATID: "DE123456789", TaxNumber: "27/123/45678", Email: "seminare@example.com", Phone: "+49 30 1234567",
		IBAN: "DE02120300000000202051", BIC: "BYLADEM1001", Bank: "Deutsche Kreditbank", DueDays: 14,
		Currency: "EUR", Location: berlin,
	}
}

// seedBooking stores a confirmed invoice booking with n attendees on date and returns it with
// its date, seminar and attendees loaded.
func seedBooking(t testing.TB, st *store.Store, date model.SeminarDate, n int, lang string) model.Booking {
	t.Helper()
	return seedBookingWith(t, st, date, n, lang, nil)
}

// seedBookingWith is seedBooking with change applied to the booking before it is stored.
func seedBookingWith(t testing.TB, st *store.Store, date model.SeminarDate, n int, lang string, change func(*model.Booking)) model.Booking {
	t.Helper()
	ref := fmt.Sprintf("T%07d", refCounter.Add(1))
	totals := model.ComputeTotals(date.PriceNetCents*int64(n), 1900)
	b := model.Booking{
		Reference: ref, ManageTokenHash: "x", DateID: date.ID, Status: model.BookingConfirmed,
		PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: lang, Seats: n,
		UnitNetCents: date.PriceNetCents, NetCents: totals.NetCents, VATCents: totals.VATCents, GrossCents: totals.GrossCents,
		VATRateBP: 1900,
		Billing: model.Billing{
			Company: "Müller & Söhne GmbH", Name: "Jürgen Groß", Email: "buchhaltung@example.de",
			Street: "Königsallee 5", PostalCode: "40212", City: "Düsseldorf", Country: "DE",
			VATID: "DE987654321", PONumber: "PO-4711", BuyerReference: "991-12345-67",
		},
	}
	for i := 0; i < n; i++ {
		b.Attendees = append(b.Attendees, model.Attendee{FirstName: "Änne", LastName: fmt.Sprintf("Straßer %d", i+1), Email: fmt.Sprintf("a%d@example.de", i)})
	}
	if change != nil {
		change(&b)
	}
	err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateBooking(context.Background(), &b) })
	if err != nil {
		t.Fatalf("seed booking: %v", err)
	}
	loaded, err := st.BookingByReference(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// issue issues the invoice of b in its own transaction.
func issue(t testing.TB, st *store.Store, b model.Booking, now time.Time) model.Invoice {
	t.Helper()
	var inv model.Invoice
	err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		var err error
		inv, err = invoice.Issue(context.Background(), tx, b, testSeller(), now)
		return err
	})
	if err != nil {
		t.Fatalf("issue: %v", err)
	}
	return inv
}

func seedDate(t testing.TB, st *store.Store) model.SeminarDate {
	return storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 100, PriceNetCents: 49000})
}
