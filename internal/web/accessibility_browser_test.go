package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeScript is axe-core, vendored from its npm package for the tests (testdata/axe-core-*).
const axeScript = "testdata/axe-core-4.14.1/axe.min.js"

// axeRun runs axe in the page and returns its serious and critical violations, one line each
// with the first few elements that break the rule.
const axeRun = `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
	.filter(v => v.impact === 'serious' || v.impact === 'critical')
	.map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(' | ')))`

// skipLinkFirst is true when the page's first focusable element is the skip link and its target
// exists.
const skipLinkFirst = `(() => { const first = document.querySelector('a[href], button:not([tabindex="-1"]), input:not([type="hidden"]), select, textarea, [tabindex="0"]');
	return !!first && first.classList.contains("skip-link") && !!document.getElementById(first.hash.slice(1)) })()`

// axeViolations injects axe into the loaded page and runs it.
func axeViolations(t *testing.T, ctx context.Context, source string) []string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](source+";true")); err != nil {
		t.Fatalf("loading axe: %v", err)
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe: %v", err)
	}
	return found
}

// visit opens a page at a width and waits for it.
func visit(t *testing.T, ctx context.Context, base string, p sitePage, width int) {
	t.Helper()
	actions := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(int64(width), 844), chromedp.Navigate(base + p.path), chromedp.WaitReady(p.ready)}
	if p.submit != "" {
		actions = append(actions, chromedp.Click(p.submit, chromedp.NodeVisible), chromedp.WaitReady(p.after))
	}
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s at %d px: %v", p.path, width, err)
	}
}

// TestBrowserAccessibility runs axe-core on every main page, in every state worth checking (the
// booking form with errors), at a desktop and a phone width: no serious or critical violation.
// The README's pictures are taken on the way (SEMINARS_SCREENSHOTS=dir).
func TestBrowserAccessibility(t *testing.T) {
	ctx := browserFor(t, 10*time.Minute)
	source, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatal(err)
	}
	s := newPageSite(t)
	pages := s.mainPages()
	pages = append(pages, sitePage{name: "booking-errors", path: pages[3].path, ready: "#booking-form",
		submit: `button[value="book"]`, after: ".error-summary", shot: true})
	check := func(admin bool) {
		for _, width := range []int{1280, 390} {
			for _, p := range pages {
				if p.admin != admin {
					continue
				}
				visit(t, ctx, s.ts.URL, p, width)
				skip, err := chromedp.Run(ctx, chromedp.Evaluate[bool](skipLinkFirst))
				if err != nil || !skip {
					t.Errorf("%s at %d px: the first link is not a skip link to an element of the page (%v)", p.name, width, err)
				}
				for _, v := range axeViolations(t, ctx, string(source)) {
					t.Errorf("%s at %d px: %s", p.name, width, v)
				}
				if p.shot {
					firstScreen(t, ctx, fmt.Sprintf("%s-%d", p.name, width))
				}
			}
		}
	}
	check(false)
	s.signIn(t, ctx)
	check(true)

	// The journeys (journey_*_browser_test.go) check the states pages reach on the way, such as
	// a date cancelled by the trainer.
}

// firstScreen saves what the first screen shows (not the whole page: the README's pictures stay
// small) under SEMINARS_SCREENSHOTS when set.
func firstScreen(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("SEMINARS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
