package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/demo"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestDemoSeminarShowsExampleQuotes: the demo catalogue's seminar page shows its invented quotes,
// each marked as an example, and the admin API counts them as examples of no date.
func TestDemoSeminarShowsExampleQuotes(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		demoQuotes(t, newAdminEnvAt(t, st, clk))
	})
}

func demoQuotes(t *testing.T, env *adminEnv) {
	if _, err := demo.Seed(context.Background(), env.st, env.st.Now(), storetest.Berlin()); err != nil {
		t.Fatal(err)
	}
	const slug = "social-media-kompetenz-fuer-alle-unternehmensbereiche"
	cases := []struct{ path, heading, badge string }{
		{"/seminars/" + slug, "Das sagen Teilnehmende", "Beispiel"},
		{"/en/seminars/" + slug, "What attendees say", "Example"},
	}
	for _, c := range cases {
		status, body := env.api(http.MethodGet, c.path, "", "")
		if status != http.StatusOK {
			t.Fatalf("%s: status %d", c.path, status)
		}
		if !strings.Contains(body, c.heading) || !strings.Contains(body, "Anna M., Marketing") || strings.Count(body, `class="badge">`+c.badge) != 2 {
			t.Errorf("%s: want the heading, Anna's quote and two quotes marked %q", c.path, c.badge)
		}
		if strings.Contains(body, "Der Raum war etwas warm") {
			t.Errorf("%s shows a comment given without consent to publish", c.path)
		}
	}
	status, body := env.api(http.MethodGet, "/api/v1/admin/feedback", env.apiToken(), "")
	if status != http.StatusOK || !strings.Contains(body, `"slug":"`+slug+`","title"`) || !strings.Contains(body, `"examples":3`) {
		t.Errorf("admin API results: %d %.500s", status, body)
	}
}
