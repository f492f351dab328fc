package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestWaitlistJoinOnceAndLeave: joining confirms with a leave link; the same address again
// (in other case) is refused with a message and no second entry; the link's page works in
// German and English without an account, a wrong secret is 404, leaving twice says the same, and
// after leaving one may join again.
func TestWaitlistJoinOnceAndLeave(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		env := newAdminEnvOn(t, st, storetest.NewClock(t))
		ctx := context.Background()
		date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 1})
		env.book(date.ID, "Voll GmbH", "Anna Schmidt")
		visitor := env.browser()
		join := fmt.Sprintf("/waitlist/%d", date.ID)
		entry := func(email string) url.Values {
			return url.Values{"name": {"Carla Neu"}, "email": {email}, "seats": {"1"}}
		}
		if res, body := visitor.post(join, join, entry("Carla.Neu@Example.com")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("join: %d\n%s", res.StatusCode, excerpt(body))
		}
		leave := leaveLinkFromOutbox(t, env)
		steps := []struct {
			name       string
			method     string
			path       string
			form       url.Values
			wantStatus int
			wantBody   string
		}{
			{"same address in other case", http.MethodPost, join, entry("carla.neu@example.COM"), http.StatusUnprocessableEntity, "schon auf der Warteliste"},
			{"same address in English", http.MethodPost, "/en" + join, entry(" CARLA.NEU@example.com "), http.StatusUnprocessableEntity, "already on the waiting list"},
			{"leave page", http.MethodGet, leave, nil, http.StatusOK, "Möchten Sie nicht mehr warten?"},
			{"leave page in English", http.MethodGet, "/en" + leave, nil, http.StatusOK, "Do you no longer want to wait?"},
			{"wrong secret", http.MethodGet, leave[:strings.LastIndex(leave, "/")] + "/AAAA", nil, http.StatusNotFound, ""},
			{"another entry's id", http.MethodGet, strings.Replace(leave, "/leave/", "/leave/9", 1), nil, http.StatusNotFound, ""},
			{"not a number", http.MethodGet, "/waitlist/leave/x/y", nil, http.StatusNotFound, ""},
			{"leave", http.MethodPost, leave, url.Values{}, http.StatusOK, "Sie sind von der Warteliste ausgetragen"},
			{"leave again: the same answer", http.MethodPost, leave, url.Values{}, http.StatusOK, "Sie sind von der Warteliste ausgetragen"},
			{"join again after leaving", http.MethodPost, join, entry("carla.neu@example.com"), http.StatusSeeOther, ""},
		}
		for _, s := range steps {
			var res *http.Response
			var body string
			if s.method == http.MethodGet {
				res, body = visitor.get(s.path)
			} else {
				res, body = visitor.post(join, s.path, s.form) // the session's CSRF token, from a page with a form
			}
			if res.StatusCode != s.wantStatus || !strings.Contains(body, s.wantBody) {
				t.Fatalf("%s: status %d (want %d), has %q: %v\n%s", s.name, res.StatusCode, s.wantStatus, s.wantBody, strings.Contains(body, s.wantBody), excerpt(body))
			}
		}
		line, err := env.st.WaitlistForDate(ctx, date.ID)
		if err != nil || len(line) != 2 || line[0].Status != model.WaitlistWithdrawn || line[1].Status != model.WaitlistWaiting {
			t.Fatalf("line %+v (%v), want the withdrawn entry and the new one", line, err)
		}
	})
}

// leaveLinkFromOutbox is the path of the newest leave link a waiting-list confirmation carries.
func leaveLinkFromOutbox(t *testing.T, env *adminEnv) string {
	t.Helper()
	items, err := env.st.ListOutbox(context.Background(), store.OutboxFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if !strings.Contains(it.Payload, string(model.EventWaitlistJoined)) {
			continue
		}
		if _, after, ok := strings.Cut(it.Payload, "/waitlist/leave/"); ok {
			rest, _, _ := strings.Cut(after, `"`)
			return "/waitlist/leave/" + rest
		}
	}
	t.Fatal("no waiting-list confirmation in the outbox")
	return ""
}
