package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserJourneyFindByFunction: someone from a business function (say, HR) looks for a
// seminar for them. On a phone the filters are folded away behind "Filter" so the seminars show
// first; they open it, pick their function, and the results (updated by htmx) hold only
// seminars tagged with it; the seminar page they open shows the tag.
func TestBrowserJourneyFindByFunction(t *testing.T) {
	eachWidth(t, "find", 90*time.Second, func(t *testing.T, j *journey) {
		s := newPageSite(t)
		j.do(chromedp.Navigate(s.ts.URL+"/"), chromedp.WaitReady("#results"))
		all := eval[int](j, `document.querySelectorAll('#results .card').length`)
		phone := eval[bool](j, `getComputedStyle(document.querySelector('.filter-box > summary')).display !== 'none'`)
		if phone != (j.width < 600) {
			t.Fatalf("the filter toggle shows: %v at %d px", phone, j.width)
		}
		if phone {
			if eval[bool](j, `document.querySelector('.filter-box').open`) {
				t.Fatal("on a phone the filters start open, pushing the seminars down")
			}
			j.state("catalogue")
			j.do(chromedp.Click(`.filter-box > summary`, chromedp.NodeVisible), chromedp.WaitVisible(`select[name="function"]`))
		}
		j.state("filters")
		// The first function offered (the options list only functions some seminar has).
		function := eval[string](j, `[...document.querySelectorAll('select[name="function"] option')].map(o => o.value).filter(v => v)[0]`)
		label := eval[string](j, `document.querySelector('select[name="function"] option:nth-child(2)').textContent.trim()`)
		if function == "" {
			t.Fatal("the function filter offers nothing")
		}
		j.do(chromedp.SetValue(`select[name="function"]`, function),
			chromedp.Evaluate[chromedp.Void](`document.querySelector('select[name="function"]').dispatchEvent(new Event('change', {bubbles: true}))`))
		if _, err := chromedp.Run(j.ctx, chromedp.Poll[bool](`location.search.includes('function=')`)); err != nil {
			t.Fatalf("choosing a function did not update the results: %v", err)
		}
		found := eval[int](j, `document.querySelectorAll('#results .card').length`)
		if found == 0 || found > all {
			t.Fatalf("%d of %d seminars for %q", found, all, function)
		}
		untagged := eval[int](j, fmt.Sprintf(`[...document.querySelectorAll('#results .card')].filter(c => !c.querySelector('.tags').innerText.includes(%q)).length`, label))
		if untagged > 0 {
			t.Fatalf("%d of the seminars found are not tagged %q", untagged, label)
		}
		// The picture shows what was found, not the filters above it.
		j.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#results').scrollIntoView()`))
		j.state("results")
		j.do(chromedp.Click(`#results .card h2 a`, chromedp.NodeVisible), chromedp.WaitReady(`#dates`))
		if tags := j.text(".tags"); !strings.Contains(tags, label) {
			t.Fatalf("the seminar found for %q is tagged %q", label, tags)
		}
		j.state("seminar")
	})
}
