package web

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// cacheableParams are the query parameters public pages understand (the catalogue's filters and
// the pages of a list). A URL with any other (utm_*, a cache-buster) is rendered for itself, so
// made-up parameters cannot crowd the real pages out of the cache.
var cacheableParams = map[string]bool{"function": true, "format": true, "city": true, "month": true, "page": true, "per_page": true}

// serveCached answers a public GET from the page cache, rendering with build when the page is
// missing or older than the data (within the bound pageCache.page keeps). The answer carries an
// ETag, and a repeat visit that sends it back (If-None-Match) gets 304. Only pages whose body is
// the same for everyone may come through here: no CSRF token, no signed-in staff, no flash. The
// key holds the query with its parameters sorted, so their order does not make a second copy.
func (s *Server) serveCached(c echo.Context, contentType string, build func() ([]byte, error)) error {
	req := c.Request()
	query := req.URL.Query()
	for name := range query {
		if !cacheableParams[name] {
			body, err := build()
			if err != nil {
				return err
			}
			return c.Blob(http.StatusOK, contentType, body)
		}
	}
	// The clock before the version: a render that starts after both holds every commit the
	// version counts, and every commit before now (which bounds how stale the page may be served).
	now := s.now()
	version := s.store.DataVersion(req.Context()) + "@" + now.UTC().Truncate(pageCacheTime).Format(time.RFC3339)
	key := language(c) + " " + req.URL.Path + "?" + query.Encode()
	// build runs in this request's goroutine with its echo.Context, which Echo reuses once the
	// handler returns, so the render never outlives this call.
	page, err := s.pages.page(key, version, contentType, now, func() ([]byte, error) {
		// The others waiting for this render must not fail because this visitor left.
		c.SetRequest(req.WithContext(context.WithoutCancel(req.Context())))
		defer c.SetRequest(req)
		return build()
	})
	if err != nil {
		return err
	}
	if err := req.Context().Err(); err != nil {
		return err // the visitor left (a 499 in the log); the page stays cached for the next one
	}
	h := c.Response().Header()
	body, etag := page.body, page.etag
	h.Add("Vary", "Accept-Encoding")
	if page.gzipped != nil && acceptsGzip(req.Header.Get("Accept-Encoding")) {
		body, etag = page.gzipped, page.gzipEtag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache") // may be stored, but asked again (If-None-Match) every time
	// Either representation's tag proves the visitor has the current page.
	if inm := req.Header.Get("If-None-Match"); etagMatches(inm, page.etag) || (page.gzipped != nil && etagMatches(inm, page.gzipEtag)) {
		h.Del("Content-Encoding")
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, page.contentType, body)
}

// acceptsGzip tells whether an Accept-Encoding header takes gzip (not refused with q=0).
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// etagMatches tells whether an If-None-Match header names etag (weak comparison, RFC 9110 13.1.2).
func etagMatches(header, etag string) bool {
	for _, candidate := range strings.Split(header, ",") {
		candidate = strings.TrimPrefix(strings.TrimSpace(candidate), "W/")
		if candidate == "*" || candidate == etag {
			return true
		}
	}
	return false
}
