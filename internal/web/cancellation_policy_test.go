package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/store/storetest"
)

// TestCancellationPolicyShownBeforeBooking: the booking form states the cancellation policy
// before the binding click, and the seminar page states it too, in German and English.
func TestCancellationPolicyShownBeforeBooking(t *testing.T) {
	st := storetest.SQLite(t)
	srv, err := New(apptest.New(t, st, apptest.Config(t, "SEMINARS_CANCELLATION_STEPS=28:0,14:50,0:100")))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	date := storetest.SeedDate(t, st, storetest.DateOptions{})
	const de = "Kostenlos stornierbar bis 28 Tage vor Beginn, bis 14 Tage vor Beginn 50 %, danach und bei Nichterscheinen 100 % des Bruttobetrags."
	const en = "Free cancellation until 28 days before the start, 50 % until 14 days before the start, after that and for no-shows 100 % of the gross amount."
	cases := []struct {
		name, path, want string
		beforeSubmit     bool
	}{
		{"booking form, German", fmt.Sprintf("/book/%d", date.ID), de, true},
		{"booking form, English", fmt.Sprintf("/en/book/%d", date.ID), en, true},
		{"seminar page, German", "/seminars/" + date.Seminar.Slug, de, false},
		{"seminar page, English", "/en/seminars/" + date.Seminar.Slug, en, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := http.Get(ts.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			raw, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			body := string(raw)
			at := strings.Index(body, tc.want)
			if res.StatusCode != http.StatusOK || at < 0 {
				t.Fatalf("GET %s: %d, policy %q missing", tc.path, res.StatusCode, tc.want)
			}
			if submit := strings.Index(body, `value="book"`); tc.beforeSubmit && (submit < 0 || at > submit) {
				t.Fatalf("the policy (at %d) is not shown before the binding button (at %d)", at, submit)
			}
		})
	}
}
