// Package web serves the pages, the JSON API and the webhooks over HTTP with Echo. Handlers are
// methods on Server, one action per file named <noun>_<verb>.go; routes.go lists every route.
package web

import (
	"io/fs"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"seminars/internal/auth"
	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/store"
)

// Deps are what the server needs; main builds them.
type Deps struct {
	Config   config.Config
	Store    *store.Store
	Bookings *booking.Service
	Auth     *auth.Service        // staff sign-in; built from Config when nil
	Waitlist *backoffice.Waitlist // built from Config when nil
	I18n     *i18n.Catalog
	Files    fs.FS // the embedded templates/ and static/
	Log      *slog.Logger
	Now      func() time.Time
	// Metrics are collectors of other packages shown on /metrics beside the server's own
	// (the background jobs' worker.Metrics).
	Metrics []prometheus.Collector
}

// Server is the HTTP side of the service.
type Server struct {
	echo     *echo.Echo
	cfg      config.Config
	store    *store.Store
	bookings *booking.Service
	auth     *auth.Service
	office   *backoffice.Service
	waitlist *backoffice.Waitlist
	i18n     *i18n.Catalog
	views    *Views
	renderer *invoice.Renderer
	files    fs.FS
	metrics  *metrics
	log      *slog.Logger
	now      func() time.Time

	// issued serves the stored files of issued invoices and credit notes.
	issued *invoice.Documents
}

// New builds the server and its routes.
func New(d Deps) (*Server, error) {
	views, err := NewViews(d.Files)
	if err != nil {
		return nil, err
	}
	s := &Server{
		echo: echo.New(), cfg: d.Config, store: d.Store, bookings: d.Bookings, i18n: d.I18n,
		views: views, files: d.Files, metrics: newMetrics(d.Now, append(slices.Clip(d.Metrics), newAttentionGauge(d.Store))...), log: d.Log, now: d.Now,
		renderer: invoice.NewRenderer(d.I18n, d.Config.Location),
	}
	if s.auth = d.Auth; s.auth == nil {
		s.auth = auth.New(d.Store, AuthSettings(d.Config), d.Now)
	}
	s.issued = invoice.NewDocuments(d.Store, s.renderer, d.Now)
	s.office = backoffice.New(d.Store, d.Now)
	if s.waitlist = d.Waitlist; s.waitlist == nil {
		s.waitlist = backoffice.NewWaitlist(d.Store, d.Bookings, WaitlistSettings(d.Config), d.Now, d.Log)
	}
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.echo.IPExtractor = ipExtractor(d.Config)
	s.routes()
	return s, nil
}

// Handler returns the server as an http.Handler (for tests and for http.Server).
func (s *Server) Handler() http.Handler { return s.echo }

// ipExtractor finds the client's IP for rate limits and sign-in throttling. Without trusted
// proxies it is the connection's address and X-Forwarded-For is ignored, so a client cannot
// spoof its way around a limit. Behind trusted proxies it is the right-most address in
// X-Forwarded-For that no trusted proxy added. Echo trusts loopback and private networks by
// default; only the configured ranges are trusted here.
func ipExtractor(cfg config.Config) echo.IPExtractor {
	if len(cfg.TrustedProxyNets) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range cfg.TrustedProxyNets {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}
