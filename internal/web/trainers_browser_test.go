package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/demo"
	"seminars/internal/store/storetest"
)

// TestBrowserSeminarPageShowsTrainersAndVenues opens a demo seminar page in a real browser, in
// German and in English: the trainers' photos load (the app serves them and the content security
// policy lets them through), and each trainer and venue section is there with its words.
func TestBrowserSeminarPageShowsTrainersAndVenues(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	if _, err := demo.Seed(context.Background(), st, st.Now(), storetest.Berlin()); err != nil {
		t.Fatal(err)
	}
	seminars, err := st.Catalogue(context.Background(), st.Now())
	if err != nil || len(seminars) == 0 {
		t.Fatalf("demo catalogue: %d seminars, %v", len(seminars), err)
	}
	slug := ""
	for _, s := range seminars {
		for _, d := range s.Dates {
			if d.VenueRecord != nil && slug == "" {
				slug = s.Slug
			}
		}
	}
	ts := newServer(t, st)
	cases := []struct {
		name, path, trainers, venues, access string
	}{
		{"german", "/seminars/" + slug, "Ihre Seminarleitung", "Veranstaltungsorte", "Barrierefreiheit"},
		{"english", "/en/seminars/" + slug, "Your trainers", "Venues", "Accessibility"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The photos load lazily: scroll to them as a reader would.
			if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+c.path), chromedp.ScrollIntoView("#trainers")); err != nil {
				t.Fatal(err)
			}
			photos := `(() => { const imgs = [...document.querySelectorAll('#trainers img')];
				return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0) })()`
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](photos)); err != nil {
				t.Fatalf("the trainers' photos did not load: %v", err)
			}
			for sel, want := range map[string]string{"#trainers h2": c.trainers, "#venues h2": c.venues, "#venues dt": c.access} {
				js := fmt.Sprintf(`(() => [...document.querySelectorAll(%q)].map(e => e.innerText.trim()).includes(%q))()`, sel, want)
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js)); err != nil {
					t.Fatalf("%s does not read %q: %v", sel, want, err)
				}
			}
		})
	}
}
