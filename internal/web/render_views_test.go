package web

import (
	"strings"
	"testing"

	"seminars"
)

// TestViewsCheckEveryPageAtStartAndParseOnFirstUse: a page that is missing stops NewViews (the
// service does not boot), while a registered page is parsed when it is first asked for and the
// same parsed page is used from then on.
func TestViewsCheckEveryPageAtStartAndParseOnFirstUse(t *testing.T) {
	cases := []struct {
		name    string
		extra   []string
		wantErr string
	}{
		{"every registered page", nil, ""},
		{"a page missing from templates/", []string{"pages/no_such_page.html"}, "no_such_page.html"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, err := NewViews(seminars.Files, c.extra...)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("NewViews: %v, want an error naming %s", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			first, err := v.page(pageError)
			if err != nil {
				t.Fatal(err)
			}
			again, err := v.page(pageError)
			if err != nil || again != first {
				t.Errorf("second use: %p (%v), want the page parsed first %p", again, err, first)
			}
			if first.Lookup("content") == nil {
				t.Errorf("%s has no content template", pageError)
			}
			if _, err := v.page("pages/never_registered.html"); err == nil {
				t.Errorf("a page never registered was rendered")
			}
		})
	}
}
