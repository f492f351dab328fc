package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// TestAdminAPIDateMaxCapacity: the largest capacity of a date is the max_capacity setting
// (default 100000, so a load-test date can be created through the admin API); above it the
// date is refused on "capacity" and nothing is stored.
func TestAdminAPIDateMaxCapacity(t *testing.T) {
	cases := []struct {
		name       string
		env        []string
		capacity   int
		wantStatus int
	}{
		{"default maximum", nil, 100_000, http.StatusCreated},
		{"above the default maximum", nil, 100_001, http.StatusUnprocessableEntity},
		{"configured maximum", []string{"SEMINARS_MAX_CAPACITY=50"}, 50, http.StatusCreated},
		{"above a configured maximum", []string{"SEMINARS_MAX_CAPACITY=50"}, 51, http.StatusUnprocessableEntity},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := storetest.SQLite(t)
			srv, err := New(apptest.New(t, st, apptest.Config(t, c.env...)))
			if err != nil {
				t.Fatal(err)
			}
			env := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
			t.Cleanup(env.http.Close)
			env.owner = env.addUser("owner@example.com", model.RoleOwner)
			date := storetest.SeedDate(t, st, storetest.DateOptions{})
			path := fmt.Sprintf("/api/v1/admin/seminars/%d/dates", date.SeminarID)
			status, body := env.api(http.MethodPost, path, env.apiToken(), fmt.Sprintf(`{"starts_at":"2027-03-10T09:00:00+01:00",
				"ends_at":"2027-03-10T17:00:00+01:00","capacity":%d,"format":"online","online_url":"https://meet.example.com/x"}`, c.capacity))
			if status != c.wantStatus {
				t.Fatalf("status %d, want %d: %s", status, c.wantStatus, body)
			}
			if c.wantStatus != http.StatusCreated && !strings.Contains(body, `"capacity"`) {
				t.Fatalf("no capacity error in %s", body)
			}
			_, list := env.api(http.MethodGet, path, env.apiToken(), "")
			if stored := strings.Contains(list, fmt.Sprintf(`"capacity":%d`, c.capacity)); stored != (c.wantStatus == http.StatusCreated) {
				t.Fatalf("stored %v, want %v: %s", stored, c.wantStatus == http.StatusCreated, list)
			}
		})
	}
}
