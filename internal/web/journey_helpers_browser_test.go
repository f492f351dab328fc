package web_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// journey is one person's way through the site in a real browser at one width: each state it
// reaches is checked with axe-core (no serious or critical violation) and, under
// SEMINARS_SCREENSHOTS=dir, saved as journey-<name>-<state>-<width>.png.
type journey struct {
	t     *testing.T
	ctx   context.Context
	name  string
	width int
	axe   string
}

// eachWidth runs a journey at a desktop's and a phone's width, each in a fresh browser (no
// cookie carries over from one to the other).
func eachWidth(t *testing.T, name string, limit time.Duration, run func(t *testing.T, j *journey)) {
	source, err := os.ReadFile(axeScript)
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1280, 390} {
		t.Run(fmt.Sprintf("%d px", width), func(t *testing.T) {
			j := &journey{t: t, ctx: browserFor(t, limit), name: name, width: width, axe: string(source)}
			j.do(chromedp.EmulateViewport(int64(width), 844))
			run(t, j)
		})
	}
}

// do runs browser actions and stops the journey on the first failure.
func (j *journey) do(actions ...chromedp.Action[chromedp.Void]) {
	j.t.Helper()
	if err := chromedp.Do(j.ctx, actions...); err != nil {
		j.t.Fatal(err)
	}
}

// eval evaluates an expression in the page.
func eval[T any](j *journey, js string) T {
	j.t.Helper()
	v, err := chromedp.Run(j.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		j.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// text waits for an element and returns its text, read in the page's own JavaScript.
func (j *journey) text(sel string) string {
	j.t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? el.innerText.trim() : null })()`, sel)
	s, err := chromedp.Run(j.ctx, chromedp.Poll[string](js))
	if err != nil {
		j.t.Fatalf("reading %s: %v", sel, err)
	}
	return s
}

// value returns a form field's current value.
func (j *journey) value(sel string) string {
	j.t.Helper()
	return eval[string](j, fmt.Sprintf(`document.querySelector(%q).value`, sel))
}

// state checks the page the journey has reached: axe, then the screenshot.
func (j *journey) state(name string) {
	j.t.Helper()
	for _, v := range axeViolations(j.t, j.ctx, j.axe) {
		j.t.Errorf("%s at %d px: %s", name, j.width, v)
	}
	firstScreen(j.t, j.ctx, fmt.Sprintf("journey-%s-%s-%d", j.name, name, j.width))
}
