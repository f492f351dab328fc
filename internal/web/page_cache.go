package web

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/singleflight"
)

// pageCacheBytes bounds the rendered pages kept in memory. The largest entry is the default
// seminars API of a big catalogue (500 seminars, 5,000 dates: about 2 MiB), so this holds every
// page of the catalogue's filters many times over and stays well inside the process's 100 MiB.
const pageCacheBytes = 24 << 20

// cachedPageRoutes are the routes (German paths; /en/ has the same) whose GET comes from the page
// cache: their pages hold no form, so the CSRF middleware skips them.
var cachedPageRoutes = map[string]bool{"/": true, "/seminars/:slug": true}

// pageCacheTime is the clock's resolution in the cache key: a date that started, or an early-bird
// price that ended, leaves the cached pages at most this late (the booking itself checks both).
const pageCacheTime = time.Minute

// pageCache keeps rendered public pages that are the same for every visitor — the catalogue, a
// seminar's page, the seminars API — by language, URL (path and query: the filters and the page)
// and data version. A write that can change one of them moves the version (store.DataVersion), so
// a page is rendered once per version and then served from memory. The least recently used pages
// leave first when the cache is full.
type pageCache struct {
	mu       sync.Mutex
	entries  map[string]*list.Element // of *cachedPage, by key
	order    *list.List               // most recently used first
	bytes    int
	maxBytes int
	// renders lets one request render a page while the others asking for it wait for that one.
	renders singleflight.Group
}

type cachedPage struct {
	key, version string
	contentType  string
	body         []byte
	etag         string
	// gzipped is body compressed once, for the clients that accept gzip (browsers, Go's client):
	// a tenth of the bytes to send. It has its own tag, as a different representation must.
	gzipped  []byte
	gzipEtag string
}

// size is what the page takes in the cache.
func (p *cachedPage) size() int { return len(p.body) + len(p.gzipped) }

// compress fills gzipped; a page that does not shrink is sent as it is.
func (p *cachedPage) compress() {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if _, err := zw.Write(p.body); err != nil || zw.Close() != nil || buf.Len() >= len(p.body) {
		return
	}
	p.gzipped = bytes.Clone(buf.Bytes())
	p.gzipEtag = strings.TrimSuffix(p.etag, `"`) + `-gz"`
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{entries: map[string]*list.Element{}, order: list.New(), maxBytes: maxBytes}
}

func (pc *pageCache) get(key, version string) (*cachedPage, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	el, ok := pc.entries[key]
	if !ok {
		return nil, false
	}
	p := el.Value.(*cachedPage)
	if p.version != version {
		return nil, false
	}
	pc.order.MoveToFront(el)
	return p, true
}

func (pc *pageCache) put(p *cachedPage) {
	if p.size() > pc.maxBytes/4 {
		return // one page may not push out the rest
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if el, ok := pc.entries[p.key]; ok {
		pc.bytes -= el.Value.(*cachedPage).size()
		pc.order.Remove(el)
	}
	pc.entries[p.key] = pc.order.PushFront(p)
	pc.bytes += p.size()
	for pc.bytes > pc.maxBytes {
		oldest := pc.order.Back()
		old := oldest.Value.(*cachedPage)
		pc.order.Remove(oldest)
		delete(pc.entries, old.key)
		pc.bytes -= old.size()
	}
}

// cacheableParams are the query parameters public pages understand (the catalogue's filters and
// the pages of a list). A URL with any other (utm_*, a cache-buster) is rendered for itself, so
// made-up parameters cannot crowd the real pages out of the cache.
var cacheableParams = map[string]bool{"function": true, "format": true, "city": true, "month": true, "page": true, "per_page": true}

// serveCached answers a public GET from the page cache, rendering with build when the page is
// missing or older than the data. The answer carries an ETag, and a repeat visit that sends it
// back (If-None-Match) gets 304. Only pages whose body is the same for everyone may come through
// here: no CSRF token, no signed-in staff, no flash. The key holds the query with its parameters
// sorted, so their order does not make a second copy.
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
	version := s.store.DataVersion(req.Context()) + "@" + s.now().UTC().Truncate(pageCacheTime).Format(time.RFC3339)
	key := language(c) + " " + req.URL.Path + "?" + query.Encode()
	page, ok := s.pages.get(key, version)
	if !ok {
		// Do, not DoChan: build runs in this request's goroutine with its echo.Context, which Echo
		// reuses once the handler returns, so the render must not outlive this call.
		v, err, _ := s.pages.renders.Do(key+"\x00"+version, func() (any, error) {
			// The others waiting for this render must not fail because this visitor left.
			c.SetRequest(req.WithContext(context.WithoutCancel(req.Context())))
			defer c.SetRequest(req)
			body, err := build()
			if err != nil {
				return nil, err
			}
			sum := sha256.Sum256(body)
			p := &cachedPage{key: key, version: version, contentType: contentType,
				body: bytes.Clone(body), etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
			p.compress()
			s.pages.put(p)
			return p, nil
		})
		if err != nil {
			return err
		}
		page = v.(*cachedPage)
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
