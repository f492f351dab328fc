package web

import (
	"bytes"
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
	if len(p.body) > pc.maxBytes/4 {
		return // one page may not push out the rest
	}
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if el, ok := pc.entries[p.key]; ok {
		pc.bytes -= len(el.Value.(*cachedPage).body)
		pc.order.Remove(el)
	}
	pc.entries[p.key] = pc.order.PushFront(p)
	pc.bytes += len(p.body)
	for pc.bytes > pc.maxBytes {
		oldest := pc.order.Back()
		old := oldest.Value.(*cachedPage)
		pc.order.Remove(oldest)
		delete(pc.entries, old.key)
		pc.bytes -= len(old.body)
	}
}

// serveCached answers a public GET from the page cache, rendering with build when the page is
// missing or older than the data. The answer carries an ETag, and a repeat visit that sends it
// back (If-None-Match) gets 304. Only pages whose body is the same for everyone may come through
// here: no CSRF token, no signed-in staff, no flash; a request with a staff session is rendered
// for itself and not cached.
func (s *Server) serveCached(c echo.Context, contentType string, build func() ([]byte, error)) error {
	if _, signedIn := staff(c); signedIn {
		body, err := build()
		if err != nil {
			return err
		}
		return c.Blob(http.StatusOK, contentType, body)
	}
	req := c.Request()
	version := s.store.DataVersion(req.Context()) + "@" + s.now().UTC().Truncate(pageCacheTime).Format(time.RFC3339)
	key := language(c) + " " + req.URL.RequestURI()
	page, ok := s.pages.get(key, version)
	if !ok {
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
			s.pages.put(p)
			return p, nil
		})
		if err != nil {
			return err
		}
		page = v.(*cachedPage)
	}
	h := c.Response().Header()
	h.Set("ETag", page.etag)
	h.Set("Cache-Control", "no-cache") // may be stored, but asked again (If-None-Match) every time
	if etagMatches(req.Header.Get("If-None-Match"), page.etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, contentType, page.body)
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
