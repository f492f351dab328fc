package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func TestAdminVouchers(t *testing.T) {
	env := newAdminEnv(t)
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	owner, assistant := env.signedIn("owner@example.com"), env.signedIn("assistant@example.com")
	cases := []struct {
		name       string
		who        *adminBrowser
		method     string
		path       string
		form       url.Values
		wantStatus int
		want       []string
	}{
		{"empty list with form", owner, http.MethodGet, "/admin/vouchers", nil, http.StatusOK,
			[]string{"Noch keine Gutscheine", `name="code"`, `href="/admin/vouchers" aria-current="page"`, date.Seminar.Slug}},
		{"assistant may not see it", assistant, http.MethodGet, "/admin/vouchers", nil, http.StatusForbidden, nil},
		{"assistant may not create", assistant, http.MethodPost, "/admin/vouchers", url.Values{"code": {"NOPE"}, "percent": {"10"}}, http.StatusForbidden, nil},
		{"percent voucher", owner, http.MethodPost, "/admin/vouchers", url.Values{"code": {"sommer26"}, "percent": {"12,5"},
			"max_uses": {"20"}, "valid_until": {"2027-06-30"}, "seminar": {date.Seminar.Slug}}, http.StatusSeeOther, nil},
		{"fixed voucher in euros", owner, http.MethodPost, "/admin/vouchers", url.Values{"code": {"TREUE"}, "amount": {"49,90"}}, http.StatusSeeOther, nil},
		{"listed", owner, http.MethodGet, "/admin/vouchers?done=created", nil, http.StatusOK,
			[]string{"Gutschein angelegt", "SOMMER26", "12,5 %", "0 / 20", "bis einschließlich Mi., 30. Juni 2027", date.Seminar.TitleDE, "TREUE", "49,90", "unbegrenzt", "Alle Seminare"}},
		{"errors per field, typed values kept", owner, http.MethodPost, "/admin/vouchers", url.Values{"code": {"a b"}, "percent": {"150"},
			"max_uses": {"-1"}, "valid_until": {"30.06.2027"}}, http.StatusUnprocessableEntity,
			[]string{"Bitte einen Code aus Buchstaben", "über 0 und höchstens 100", "ganze Zahl ab 0", "JJJJ-MM-TT", `value="a b"`, `value="150"`}},
		{"both kinds", owner, http.MethodPost, "/admin/vouchers", url.Values{"code": {"X1"}, "percent": {"5"}, "amount": {"10"}}, http.StatusUnprocessableEntity,
			[]string{"entweder einen Prozentsatz oder einen Betrag"}},
		{"duplicate code", owner, http.MethodPost, "/admin/vouchers", url.Values{"code": {"Sommer26"}, "percent": {"5"}}, http.StatusUnprocessableEntity,
			[]string{"Diesen Code gibt es schon", `value="Sommer26"`}},
		{"unknown seminar", owner, http.MethodPost, "/admin/vouchers", url.Values{"code": {"Z9"}, "percent": {"5"}, "seminar": {"nope"}}, http.StatusUnprocessableEntity,
			[]string{"Seminar nicht gefunden"}},
		{"in the audit log", owner, http.MethodGet, "/admin/audit", nil, http.StatusOK, []string{"Gutschein angelegt", "voucher SOMMER26"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var res *http.Response
			var body string
			if c.method == http.MethodGet {
				res, body = c.who.get(c.path)
			} else {
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
		})
	}
	v, err := env.st.VoucherByCode(context.Background(), "sommer26")
	if err != nil || v.Kind != model.VoucherPercent || v.PercentBP != 1250 || v.MaxUses != 20 || v.SeminarID == nil || *v.SeminarID != date.SeminarID {
		t.Fatalf("stored voucher %+v, err %v", v, err)
	}
	if v.Applicable(date.SeminarID, v.ValidUntil.Add(-time.Minute)) != "" || v.Applicable(date.SeminarID, *v.ValidUntil) == "" {
		t.Fatalf("valid until %v is not the end of 30 June in Berlin", v.ValidUntil)
	}
	if fixed, _ := env.st.VoucherByCode(context.Background(), "TREUE"); fixed.AmountCents != 4990 {
		t.Fatalf("fixed voucher %+v", fixed)
	}
}
