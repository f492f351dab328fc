package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// TestBrowserBookingDetailOnAPhone opens the booking detail page at a phone's width (390 px) in
// a real browser, signed in as the owner, with long names, addresses and mail subjects on it:
// nothing may make the page scroll sideways.
func TestBrowserBookingDetailOnAPhone(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	a := apptest.New(t, st, apptest.Config(t, "SEMINARS_DATA_DIR="+t.TempDir())) // mail goes to .eml files there
	srv, err := web.New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	const email, password = "owner@example.com", "correct horse battery"
	if _, err := a.Auth.AddUser(context.Background(), email, model.RoleOwner, password); err != nil {
		t.Fatal(err)
	}
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10})
	long := strings.Repeat("Kommunikationsinfrastruktur", 3)
	res, err := a.Bookings.Reserve(context.Background(), booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: long + " GmbH & Co. KG", Name: "Maximiliane " + long, Email: "einkauf." + strings.ToLower(long) + "@example.com",
			Street: long + "straße 1", PostalCode: "10115", City: "Berlin", Country: "DE", PONumber: strings.Repeat("PO", 40)},
		Attendees: []booking.AttendeeInput{
			{FirstName: "Anna", LastName: long, Email: "anna." + strings.ToLower(long) + "@example.com"},
			{FirstName: "Ben", LastName: "Muster", Email: "ben@example.com"},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Mail.RunOnce(context.Background(), st.Now()); err != nil {
		t.Fatal(err)
	}

	page := ts.URL + "/admin/bookings/" + res.Booking.Reference
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/admin/login"),
		chromedp.SendKeys(`input[name="email"]`, email),
		chromedp.SendKeys(`input[name="password"]`, password),
		chromedp.Submit(`input[name="password"]`),
		chromedp.WaitVisible(`.admin-nav`),
		chromedp.Navigate(page),
		chromedp.WaitVisible(`#timeline-h`),
	)
	if err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('h1').innerText`))
	if err != nil || h1 != "Buchung "+res.Booking.Reference {
		t.Fatalf("heading %q (%v): not the detail page", h1, err)
	}
	// The widest element names the culprit when the page is too wide.
	js := `(() => { const w = document.documentElement.clientWidth; let worst = "";
		for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();
			if (r.right > w + 1 && !worst) worst = (el.parentElement ? el.parentElement.outerHTML.slice(0, 200) : "") + " :: " + el.outerHTML.slice(0, 300) + ": " + Math.round(r.right); }
		return document.documentElement.scrollWidth + "/" + w + " " + worst })()`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatal(err)
	}
	var scroll, width int
	if _, err := fmt.Sscanf(got, "%d/%d", &scroll, &width); err != nil || scroll > width {
		t.Fatalf("the page scrolls sideways at 390 px: scroll width/width %s", got)
	}
	screenshot(t, ctx, "admin-booking-phone")
}
