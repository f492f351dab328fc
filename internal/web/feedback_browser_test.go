package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// TestBrowserFeedbackSurvey answers the survey in headless Chromium as an attendee would after
// the date: from the attendee page to the survey, choosing the ratings, writing a comment,
// agreeing to a quote with a role, sending; the thank-you shows, and the seminar page shows the
// quote signed "Anna S., Marketing".
func TestBrowserFeedbackSurvey(t *testing.T) {
	ctx := browser(t)
	clk := storetest.NewClock(t)
	st := storetest.SQLiteAt(t, clk)
	a := apptest.NewWith(t, st, apptest.Config(t), clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv, err := web.New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	start := storetest.InBerlin(2026, 12, 1, 9, 0)
	date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: start, EndsAt: start.Add(8 * time.Hour)})
	res, err := a.Bookings.Reserve(context.Background(), booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Erika Muster", Email: "billing@muster.example", Street: "Weg 1",
			PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Schmidt", Email: "anna@muster.example"}}})
	if err != nil {
		t.Fatal(err)
	}
	anna := res.Booking.Attendees[0]
	clk.Set(start.Add(10 * time.Minute))
	err = st.WithTx(context.Background(), func(tx *store.Tx) error {
		_, err := tx.CheckInAttendee(context.Background(), date.ID, anna.ID, "2026-12-01", clk.Now(), "test")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	clk.Set(start.Add(9 * time.Hour))
	sem, err := st.SeminarByID(context.Background(), date.SeminarID)
	if err != nil {
		t.Fatal(err)
	}

	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/a/"+a.Secrets.AttendeeToken(anna.ID, 0)),
		chromedp.Click(`#feedback a[role="button"]`, chromedp.NodeVisible),
		chromedp.WaitVisible(`form.feedback-form`),
		chromedp.Click(`input[name="content"][value="5"]`),
		chromedp.Click(`input[name="trainer"][value="4"]`),
		chromedp.Click(`input[name="organisation"][value="5"]`),
		chromedp.SendKeys(`textarea[name="comment"]`, "Wir haben noch am selben Tag neun Funktionen gefunden."),
		chromedp.Click(`input[name="quote_consent"]`),
		chromedp.SendKeys(`input[name="quote_role"]`, "Marketing"),
		chromedp.Click(`form.feedback-form button[type="submit"]`),
		chromedp.WaitVisible(`p.notice[role="status"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	thanks, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('p.notice[role="status"]').innerText`))
	if err != nil || !strings.Contains(thanks, "Vielen Dank") {
		t.Fatalf("after sending: %q, %v", thanks, err)
	}
	screenshot(t, ctx, "feedback-survey")
	err = chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/seminars/"+sem.Slug), chromedp.WaitVisible(`#quotes`))
	if err != nil {
		t.Fatal(err)
	}
	quote, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#quotes').innerText`))
	if err != nil || !strings.Contains(quote, "neun Funktionen") || !strings.Contains(quote, "Anna S., Marketing") {
		t.Fatalf("quotes on the seminar page: %q, %v", quote, err)
	}
}
