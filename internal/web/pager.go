package web

import (
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"
)

// pager is one page of a long back-office list: which page, how many there are, and the links
// to the neighbours (empty at either end). Lists page so that no request reads the whole history.
type pager struct {
	Page, PerPage, Pages int
	Total                int64
	Prev, Next           string
}

// pageParams reads ?page= and ?per_page= leniently: a missing, malformed or out-of-range value
// falls back to the first page and the default size (never an error for a hand-edited URL).
func pageParams(c echo.Context, perDefault, perMax int) (page, per int) {
	page, err := strconv.Atoi(c.QueryParam("page"))
	if err != nil || page < 1 {
		page = 1
	}
	per, err = strconv.Atoi(c.QueryParam("per_page"))
	if err != nil || per < 1 {
		per = perDefault
	}
	return page, min(per, perMax)
}

// newPager builds the page's links on path with the request's other query parameters kept.
func newPager(path string, query url.Values, page, per int, total int64) pager {
	p := pager{Page: page, PerPage: per, Total: total, Pages: max(1, int((total+int64(per)-1)/int64(per)))}
	link := func(n int) string {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Del("done")
		q.Set("page", strconv.Itoa(n))
		return path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	return p
}
