package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/app/apptest"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// TestBrowserMaterialUpload: an assistant uploads a handout through the date's materials form in
// headless Chromium (a real multipart upload), and the attendee finds it on their own page and
// downloads the same bytes as an attachment.
func TestBrowserMaterialUpload(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	a := apptest.New(t, st, apptest.Config(t))
	if _, err := a.Auth.AddUser(context.Background(), "assistant@example.com", model.RoleAssistant, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(a)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	date := storetest.SeedDate(t, st, storetest.DateOptions{}) // 30 days ahead
	res, err := a.Bookings.Reserve(context.Background(), booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Erika Muster", Email: "billing@muster.example", Street: "Weg 1",
			PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: "Anna", LastName: "Schmidt", Email: "anna@muster.example"}}})
	if err != nil {
		t.Fatal(err)
	}
	handout := []byte("# Handout\nVorab lesen.\n")
	file := filepath.Join(t.TempDir(), "Handout vorab.md")
	if err := os.WriteFile(file, handout, 0o600); err != nil {
		t.Fatal(err)
	}

	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/admin/login"),
		chromedp.SendKeys(`input[name="email"]`, "assistant@example.com"),
		chromedp.SendKeys(`input[name="password"]`, "correct horse battery"),
		chromedp.Submit(`input[name="password"]`),
		chromedp.WaitVisible(`nav.admin-nav`),
		chromedp.Navigate(fmt.Sprintf("%s/admin/dates/%d/materials", ts.URL, date.ID)),
		chromedp.SendKeys(`input[name="title"]`, "Handout zum Vorbereiten"),
		chromedp.SetUploadFiles(`input[name="file"]`, []string{file}),
		chromedp.SetValue(`input[name="release_days"]`, "60"),
		chromedp.Submit(`input[name="title"]`),
		chromedp.WaitVisible(`p.notice-ok`),
	)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("table.admin-table").innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(listed, "Handout vorab.md") || !strings.Contains(listed, "60 Tage vor dem Termin") {
		t.Fatalf("the materials page lists:\n%s", listed)
	}

	anna := res.Booking.Attendees[0]
	page := ts.URL + "/a/" + a.Secrets.AttendeeToken(anna.ID, anna.SecretRotation)
	err = chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(`#materials a[download]`))
	if err != nil {
		t.Fatal(err)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#materials a[download]").href`))
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "attendee-materials")
	got, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	defer got.Body.Close()
	body, _ := io.ReadAll(got.Body)
	if got.StatusCode != http.StatusOK || string(body) != string(handout) ||
		!strings.HasPrefix(got.Header.Get("Content-Disposition"), "attachment") || got.Header.Get("Content-Type") != "text/markdown; charset=utf-8" {
		t.Fatalf("download: %d %q %q: %q", got.StatusCode, got.Header.Get("Content-Disposition"), got.Header.Get("Content-Type"), body)
	}
}
