package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"
)

// pageRequest is the page of a list that ?page= and ?per_page= ask for. Every paged list —
// back-office pages, the admin API, the catalogue and the seminars API — reads it with
// readPage, so a page number means the same everywhere.
type pageRequest struct {
	Page, PerPage int
	// Invalid names the parameters given that are not whole numbers in range, with the rule
	// each breaks (nil when both are fine); such a parameter's field holds its default.
	Invalid map[string]string
}

// offset is how many rows come before the page.
func (r pageRequest) offset() int { return (r.Page - 1) * r.PerPage }

// nextPage is the API's next_page of a list of total rows: the next page's number while rows
// follow this page, else 0 (left out of the answer).
func (r pageRequest) nextPage(total int64) int {
	if int64(r.Page)*int64(r.PerPage) < total {
		return r.Page + 1
	}
	return 0
}

// readPage reads ?page= (from 1; 1 when missing) and ?per_page= (1 to perMax; perDefault when
// missing). What to do with an invalid value is the caller's: the API answers 422
// (pageInvalid), a back-office page redirects to the list without it (pageRedirect).
func readPage(c echo.Context, perDefault, perMax int) pageRequest {
	r := pageRequest{Page: 1, PerPage: perDefault}
	read := func(name string, low, high int, rule string, into *int) {
		raw := c.QueryParam(name)
		if raw == "" {
			return
		}
		if n, err := strconv.Atoi(raw); err == nil && n >= low && n <= high {
			*into = n
			return
		}
		if r.Invalid == nil {
			r.Invalid = map[string]string{}
		}
		r.Invalid[name] = rule
	}
	read("page", 1, maxPageNumber, "must be a number from 1", &r.Page)
	read("per_page", 1, perMax, "must be a number from 1 to "+strconv.Itoa(perMax), &r.PerPage)
	return r
}

// adminPerPage is the size of a back-office list's page (and the largest ?per_page=): what a
// trainer scrolls through or prints, however long the history grows.
const adminPerPage = 500

// apiPerPage is the largest page (and the default) of the admin API's paged lists.
const apiPerPage = 1000

// maxPageNumber bounds ?page= so that the offset it gives cannot overflow.
const maxPageNumber = 1 << 30

// pageInvalid answers an API request whose paging parameters readPage refused: 422 with the
// per-parameter rules, as every other invalid input of the API.
func pageInvalid(c echo.Context, r pageRequest) error {
	return c.JSON(http.StatusUnprocessableEntity, map[string]any{"errors": r.Invalid})
}

// pageRedirect sends a back-office page whose paging parameters readPage refused on to the same
// list without them (its first page at the default size), rather than to an error page for a
// hand-edited URL.
func pageRedirect(c echo.Context, r pageRequest) error {
	q := c.QueryParams()
	for name := range r.Invalid {
		q.Del(name)
	}
	to := c.Request().URL.Path
	if len(q) > 0 {
		to += "?" + q.Encode()
	}
	return redirect(c, to)
}

// pager is one page of a long list as its page shows it: which page, how many there are, and
// the links to the neighbours (empty at either end). Keys is the prefix of its texts
// ("admin.pager" in the back office, "pager" in the catalogue). The partial
// templates/partials/pager.html draws it.
type pager struct {
	Keys                 string
	Page, PerPage, Pages int
	Total                int64
	Prev, Next           string
}

// pastEnd tells whether the page asked for lies beyond the last page of a list that has rows;
// a page then redirects to p.Prev, the last page (an API answers it empty).
func (p pager) pastEnd() bool { return p.Total > 0 && p.Page > p.Pages }

// newPager builds the back-office page's links on path with the request's other query
// parameters kept (a one-off notice, ?done=, dropped).
func newPager(path string, query url.Values, r pageRequest, total int64) pager {
	return pagerWith("admin.pager", r, total, func(n int) string {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Del("done")
		q.Set("page", strconv.Itoa(n))
		return path + "?" + q.Encode()
	})
}

// pagerWith builds a pager whose link to page n is link(n); past the end the previous link
// names the last page.
func pagerWith(keys string, r pageRequest, total int64, link func(n int) string) pager {
	p := pager{Keys: keys, Page: r.Page, PerPage: r.PerPage, Total: total, Pages: max(1, int((total+int64(r.PerPage)-1)/int64(r.PerPage)))}
	if r.Page > 1 {
		p.Prev = link(min(r.Page-1, p.Pages))
	}
	if r.Page < p.Pages {
		p.Next = link(r.Page + 1)
	}
	return p
}
