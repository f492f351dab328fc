// Package web serves the pages, the JSON API and the webhooks over HTTP with Echo. Handlers are
// methods on Server, one action per file named <noun>_<verb>.go; routes.go lists every route.
package web

import (
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

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
}

// New builds the server and its routes.
func New(d Deps) (*Server, error) {
	views, err := NewViews(d.Files)
	if err != nil {
		return nil, err
	}
	s := &Server{
		echo: echo.New(), cfg: d.Config, store: d.Store, bookings: d.Bookings, i18n: d.I18n,
		views: views, files: d.Files, metrics: newMetrics(), log: d.Log, now: d.Now,
		renderer: invoice.NewRenderer(d.I18n, d.Config.Location),
	}
	if s.auth = d.Auth; s.auth == nil {
		s.auth = auth.New(d.Store, AuthSettings(d.Config), d.Now)
	}
	s.office = backoffice.New(d.Store, d.Now)
	if s.waitlist = d.Waitlist; s.waitlist == nil {
		s.waitlist = backoffice.NewWaitlist(d.Store, d.Bookings, WaitlistSettings(d.Config), d.Now, d.Log)
	}
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.echo.IPExtractor = echo.ExtractIPDirect()
	s.routes()
	return s, nil
}

// Handler returns the server as an http.Handler (for tests and for http.Server).
func (s *Server) Handler() http.Handler { return s.echo }
