package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"seminars/internal/model"
	"seminars/internal/store"
)

// figDashboard is GET /admin, signed in, over a history of Options.DashboardBookings bookings.
const figDashboard = "admin_dashboard"

// staffLogin is an owner's sign-in for the back-office figures.
type staffLogin struct{ Email, Password string }

// newStaffLogin makes a fresh owner for the in-process server (a random password, never shown).
func newStaffLogin() staffLogin {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return staffLogin{Email: "loadtest-owner@example.com", Password: hex.EncodeToString(b)}
}

// seedHistory stores n one-attendee invoice bookings on date, created over the 400 days before
// now, in batched inserts in one transaction per 5,000: a few years of a busy trainer in seconds.
// One in five is cancelled or expired. Seats are not taken: the history is for the back office.
func seedHistory(ctx context.Context, st *store.Store, date uint, n int, now time.Time) error {
	statuses := []model.BookingStatus{model.BookingConfirmed, model.BookingConfirmed, model.BookingPendingPayment,
		model.BookingConfirmed, model.BookingCancelled, model.BookingConfirmed, model.BookingConfirmed,
		model.BookingExpired, model.BookingConfirmed, model.BookingConfirmed}
	run := now.UnixNano() % 1_000_000
	for start := 0; start < n; start += 5000 {
		batch := make([]model.Booking, 0, 5000)
		for i := start; i < min(start+5000, n); i++ {
			batch = append(batch, model.Booking{
				Reference: fmt.Sprintf("LT%06d-%07d", run, i), ManageTokenHash: "x", DateID: date, Status: statuses[i%len(statuses)],
				PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Language: "de", Seats: 1,
				UnitNetCents: 49000, NetCents: 49000, VATCents: 9310, GrossCents: 58310, VATRateBP: 1900,
				Billing: model.Billing{Company: fmt.Sprintf("Firma %d GmbH", i%997), Name: "Kontakt", Email: fmt.Sprintf("h%d@example.com", i),
					Street: "Weg 1", PostalCode: "10115", City: "Berlin", Country: "DE"},
				Attendees: []model.Attendee{{FirstName: "Vor", LastName: fmt.Sprintf("Name%07d", i), Email: fmt.Sprintf("ha%d@example.com", i)}},
				CreatedAt: now.Add(-time.Duration(i%400)*24*time.Hour - time.Duration(i%1440)*time.Minute),
			})
		}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateBookings(ctx, batch) }); err != nil {
			return err
		}
	}
	return nil
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// signIn posts the admin sign-in form as a browser does and returns the Cookie header of the
// signed-in session.
func signIn(ctx context.Context, base string, login staffLogin) (string, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/admin/login", nil)
	res, err := c.Do(req)
	if err != nil {
		return "", err
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := csrfField.FindSubmatch(page)
	if m == nil {
		return "", fmt.Errorf("no _csrf field on /admin/login (status %d)", res.StatusCode)
	}
	form := url.Values{"_csrf": {string(m[1])}, "email": {login.Email}, "password": {login.Password}}
	req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+"/admin/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if res, err = c.Do(req); err != nil {
		return "", err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return "", fmt.Errorf("sign-in as %s: status %d", login.Email, res.StatusCode)
	}
	u, _ := url.Parse(base + "/admin")
	var cookies []string
	for _, ck := range jar.Cookies(u) {
		cookies = append(cookies, ck.Name+"="+ck.Value)
	}
	return strings.Join(cookies, "; "), nil
}

// measureDashboard seeds the history (in-process server only), signs in and loads GET /admin.
func measureDashboard(ctx context.Context, srv *server, opts Options, dateID uint) (Figure, error) {
	what := fmt.Sprintf("GET /admin (dashboard, signed in) over %d more bookings of history", opts.DashboardBookings)
	if srv.Login.Email == "" {
		return Figure{Name: figDashboard, What: "skipped: give -admin-email and -admin-password"}, nil
	}
	if srv.Seed != nil && opts.DashboardBookings > 0 {
		if err := srv.Seed(ctx, dateID, opts.DashboardBookings); err != nil {
			return Figure{}, fmt.Errorf("seed history: %w", err)
		}
	} else if srv.Seed == nil {
		what = "GET /admin (dashboard, signed in) over the server's own history"
	}
	cookie, err := signIn(ctx, srv.BaseURL, srv.Login)
	if err != nil {
		return Figure{}, err
	}
	tr := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: srv.BaseURL + "/admin",
		Header: http.Header{"Cookie": {cookie}}})
	f := attack(ctx, figDashboard, tr, opts.Clients, opts.Duration, func(r *vegeta.Result) string {
		if r.Code != http.StatusOK {
			return fmt.Sprintf("status %d (not signed in?)", r.Code)
		}
		return ""
	})
	f.What = what
	return f, nil
}
