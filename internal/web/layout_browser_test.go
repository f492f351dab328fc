package web_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserLayouts measures pages in Chromium at a phone's width (390 px) and a desktop's
// (1280 px), the way a person would notice a problem: what is on the first screen, what sticks
// out sideways, what is cut off.
func TestBrowserLayouts(t *testing.T) {
	ctx := browserFor(t, 3*time.Minute)
	s := newPageSite(t)
	pages := map[string]sitePage{}
	for _, p := range s.mainPages() {
		pages[p.name] = p
	}
	cases := []struct {
		name   string
		page   sitePage
		width  int
		admin  bool
		checks map[string]string // what must hold → JavaScript that is true when it does
	}{
		{"catalogue on a phone", pages["catalogue"], 390, false, map[string]string{
			"the first seminar starts on the first screen": `document.querySelector(".card").getBoundingClientRect().top < innerHeight - 100`,
			"the filters are folded behind Filter":         `!document.querySelector(".filter-box").open && document.querySelector(".filter-box > summary").getBoundingClientRect().height > 0 && !document.querySelector('select[name="function"]').checkVisibility()`,
			"Filter opens them": `(() => { const d = document.querySelector(".filter-box"); d.open = true;
				const shown = document.querySelector('select[name="function"]').checkVisibility(); d.open = false; return shown })()`,
			"nothing scrolls sideways":                    `document.documentElement.scrollWidth <= innerWidth`,
			"long words hyphenate in the page's language": `document.documentElement.lang === "de" && getComputedStyle(document.querySelector(".lead")).hyphens === "auto"`,
		}},
		{"catalogue on a desktop, filtered", sitePage{path: "/?format=in_person", ready: "#results"}, 1280, false, map[string]string{
			"the filters are open without a summary": `document.querySelector('select[name="function"]').checkVisibility() && document.querySelector(".filter-box > summary").getBoundingClientRect().height === 0`,
			"Filter zurücksetzen is inside the filters": `(() => { const f = document.querySelector(".filters").getBoundingClientRect();
				return [...document.querySelectorAll(".filters *")].every(e => { const r = e.getBoundingClientRect(); return r.right <= f.right + 1 && r.right <= innerWidth }) })()`,
			"every filter option fits its box": `(() => { const c = document.createElement("canvas").getContext("2d");
				return [...document.querySelectorAll(".filters select")].every(sel => { const s = getComputedStyle(sel); c.font = s.font;
					const room = sel.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
					return [...sel.options].every(o => c.measureText(o.text).width <= room) }) })()`,
		}},
		{"manage page on a phone", pages["manage"], 390, false, map[string]string{
			"the attendee table fits":  `document.querySelector(".attendee-table").getBoundingClientRect().right <= innerWidth`,
			"nothing scrolls sideways": `document.documentElement.scrollWidth <= innerWidth`,
		}},
		{"seminar page on a phone", pages["seminar"], 390, false, map[string]string{
			"nothing scrolls sideways": `document.documentElement.scrollWidth <= innerWidth`,
		}},
		{"dashboard on a phone", pages["admin-dashboard"], 390, true, map[string]string{
			"check-in is in the menu on the first screen": `document.querySelector('.admin-nav a[href="/admin/check-in"]').getBoundingClientRect().bottom < innerHeight / 2`,
			"nothing scrolls sideways":                    `document.documentElement.scrollWidth <= innerWidth`,
		}},
		{"check-in on a phone", pages["admin-check-in"], 390, true, map[string]string{
			"the code field is on the first screen": `document.querySelector('input[name="code"]').getBoundingClientRect().bottom <= innerHeight`,
			"nothing scrolls sideways":              `document.documentElement.scrollWidth <= innerWidth`,
		}},
	}
	signedIn := false
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.admin && !signedIn {
				s.signIn(t, ctx)
				signedIn = true
			}
			visit(t, ctx, s.ts.URL, tc.page, tc.width)
			for what, js := range tc.checks {
				ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if !ok {
					t.Errorf("at %d px: not so: %s", tc.width, what)
				}
			}
		})
	}
}
