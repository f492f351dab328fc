package web

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"
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

// pageStaleFor bounds how late a cached page may be while bookings come in quick succession
// (issue 16: "seats left may lag by at most a second; the booking itself always checks"). A
// page's render starts after every commit before it, so a page served at most this long after
// its render began misses only commits of the last second — on this instance and on the others
// sharing one PostgreSQL alike.
const pageStaleFor = time.Second

// pageRefreshAfter is the age from which the first request that finds a superseded page renders
// it again while the others still get the old one; past pageStaleFor the others wait for that
// render instead. So in a booking storm a page is rendered about twice a second, and nobody but
// the request that renders waits for it.
const pageRefreshAfter = pageStaleFor / 2

// pageCache keeps rendered public pages that are the same for every visitor — the catalogue, a
// seminar's page, the seminars API — by language, URL (path and query: the filters and the page)
// and data version. A write that can change one of them moves the version (store.DataVersion).
// The first write after a quiet second shows at once: its page is rendered on the next request.
// When writes follow each other faster (a booking storm: every commit moves the version), a
// page rendered for an older version is served for up to pageStaleFor after its render began
// and then rendered once again, not once per booking. The least recently used pages leave first
// when the cache is full.
type pageCache struct {
	mu       sync.Mutex
	entries  map[string]*list.Element // of *cachedPage, by key
	order    *list.List               // most recently used first
	bytes    int
	maxBytes int
	// rendering holds the render under way per key: one request renders a page, the others
	// asking for it get the old one or wait for that render.
	rendering map[string]*pendingRender
	// renders counts the renders for the cache; stale the answers with a superseded page.
	renders, stale counter
}

// counter is what the cache needs of a Prometheus counter.
type counter interface{ Inc() }

type cachedPage struct {
	key, version string
	contentType  string
	body         []byte
	etag         string
	// gzipped is body compressed once, for the clients that accept gzip (browsers, Go's client):
	// a tenth of the bytes to send. It has its own tag, as a different representation must.
	gzipped  []byte
	gzipEtag string
	// renderedAt is the clock when its render began (before it read anything): the page holds
	// every commit before then.
	renderedAt time.Time
	// superseded tells that the page replaced one of an older version: writes came in while
	// pages were being shown, so the next write within pageStaleFor need not show at once.
	superseded bool
}

// pendingRender is one render under way; done closes when page or err is set.
type pendingRender struct {
	done chan struct{}
	page *cachedPage
	err  error
	// waiters counts the requests waiting for this render (under pageCache.mu).
	waiters int
}

// errRenderPanicked is what the requests waiting for a render get when it panicked (the
// rendering request itself panics on, to Echo's recovery).
var errRenderPanicked = errors.New("web: rendering a cached page panicked")

// newCachedPage hashes and compresses body into a page for the cache.
func newCachedPage(key, version, contentType string, body []byte, renderedAt time.Time, superseded bool) *cachedPage {
	sum := sha256.Sum256(body)
	p := &cachedPage{key: key, version: version, contentType: contentType, body: bytes.Clone(body),
		etag: `"` + hex.EncodeToString(sum[:16]) + `"`, renderedAt: renderedAt, superseded: superseded}
	p.compress()
	return p
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

// age is how long ago the page's render began; negative when the clock went back since.
func (p *cachedPage) age(now time.Time) time.Duration { return now.Sub(p.renderedAt) }

// mayServeStale tells whether the page may still answer although its version was superseded.
func (p *cachedPage) mayServeStale(now time.Time) bool {
	age := p.age(now)
	return p.superseded && age >= 0 && age <= pageStaleFor
}

func newPageCache(maxBytes int, renders, stale counter) *pageCache {
	return &pageCache{entries: map[string]*list.Element{}, order: list.New(), maxBytes: maxBytes,
		rendering: map[string]*pendingRender{}, renders: renders, stale: stale}
}

// page returns the page for key at the data version, as of now: the cached one while it is of
// that version, or (see pageCache) a superseded one up to pageStaleFor old; otherwise it renders
// one with render, once for all the requests asking for key at the same time.
func (pc *pageCache) page(key, version, contentType string, now time.Time, render func() ([]byte, error)) (*cachedPage, error) {
	pc.mu.Lock()
	cached := pc.lookup(key)
	if cached != nil && cached.version == version {
		pc.mu.Unlock()
		return cached, nil
	}
	pending := pc.rendering[key]
	if cached != nil && cached.mayServeStale(now) && (pending != nil || cached.age(now) < pageRefreshAfter) {
		pc.mu.Unlock()
		pc.stale.Inc()
		return cached, nil
	}
	if pending != nil {
		pending.waiters++
		pc.mu.Unlock()
		<-pending.done
		return pending.page, pending.err
	}
	pending = &pendingRender{done: make(chan struct{})}
	pc.rendering[key] = pending
	pc.mu.Unlock()
	pc.render(key, version, contentType, now, cached != nil, pending, render)
	return pending.page, pending.err
}

// render runs one render for key and hands its page to the requests waiting for it, also when
// it fails or panics: the next request then tries again.
func (pc *pageCache) render(key, version, contentType string, now time.Time, superseded bool, pending *pendingRender, render func() ([]byte, error)) {
	defer func() {
		if pending.page == nil && pending.err == nil {
			pending.err = errRenderPanicked
		}
		pc.mu.Lock()
		delete(pc.rendering, key)
		if pending.page != nil {
			pc.put(pending.page)
		}
		pc.mu.Unlock()
		close(pending.done)
	}()
	pc.renders.Inc()
	body, err := render()
	if err != nil {
		pending.err = err
		return
	}
	pending.page = newCachedPage(key, version, contentType, body, now, superseded)
}

// lookup finds key's page of any version and marks it used; pc.mu is held.
func (pc *pageCache) lookup(key string) *cachedPage {
	el, ok := pc.entries[key]
	if !ok {
		return nil
	}
	pc.order.MoveToFront(el)
	return el.Value.(*cachedPage)
}

// put files p under its key, replacing the page of an older version; pc.mu is held.
func (pc *pageCache) put(p *cachedPage) {
	if el, ok := pc.entries[p.key]; ok {
		pc.bytes -= el.Value.(*cachedPage).size()
		pc.order.Remove(el)
		delete(pc.entries, p.key)
	}
	if p.size() > pc.maxBytes/4 {
		return // one page may not push out the rest
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
