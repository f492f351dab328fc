package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestAdminAttentionList(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	b := env.book(date.ID, "Spät GmbH", "Lena Late")
	late := b
	late.Status, late.PaymentStatus = model.BookingExpired, model.PaymentRefunded
	late.NeedsAttention, late.AttentionReason = true, model.AttentionLatePaymentNoSeats
	if err := env.st.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveBookingPayment(ctx, &late) }); err != nil {
		t.Fatal(err)
	}
	owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
	path := "/admin/bookings/" + b.Reference + "/attention"
	cases := []struct {
		name       string
		who        *adminBrowser
		method     string
		path       string
		form       url.Values
		wantStatus int
		want       []string
		notWant    string
	}{
		{"listed with reason and search link", owner, http.MethodGet, "/admin", nil, http.StatusOK,
			[]string{"Braucht Aufmerksamkeit", `href="/admin/bookings/` + b.Reference, "Spät GmbH", "Plätze vergeben – erstattet", path}, ""},
		{"assistants see it without the button", assistant, http.MethodGet, "/admin", nil, http.StatusOK, []string{b.Reference}, path},
		{"assistant refused", assistant, http.MethodPost, path, nil, http.StatusForbidden, nil, ""},
		{"without CSRF refused", owner, http.MethodPost, path, url.Values{"_csrf": {"forged"}}, http.StatusForbidden, nil, ""},
		{"owner marks it handled", owner, http.MethodPost, path, nil, http.StatusSeeOther, nil, ""},
		{"gone from the dashboard", owner, http.MethodGet, "/admin?done=attention", nil, http.StatusOK, []string{"Als erledigt"}, "Braucht Aufmerksamkeit"},
		{"twice is refused", owner, http.MethodPost, path, nil, http.StatusConflict, nil, ""},
		{"in the audit log", owner, http.MethodGet, "/admin/audit", nil, http.StatusOK, []string{"Hinweis erledigt", b.Reference}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var res *http.Response
			var body string
			switch {
			case c.method == http.MethodGet:
				res, body = c.who.get(c.path)
			default:
				res, body = c.who.post("/admin", c.path, c.form)
			}
			if res.StatusCode != c.wantStatus {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, c.wantStatus, excerpt(body))
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Fatalf("body lacks %q\n%s", w, excerpt(body))
				}
			}
			if c.notWant != "" && strings.Contains(body, c.notWant) {
				t.Fatalf("body has %q\n%s", c.notWant, excerpt(body))
			}
		})
	}
	if got, _ := env.st.BookingByReference(ctx, b.Reference); got.NeedsAttention || got.AttentionReason != model.AttentionLatePaymentNoSeats {
		t.Fatalf("booking after handling: %v %q", got.NeedsAttention, got.AttentionReason)
	}
}
