// Package web serves the pages, the JSON API and the webhooks over HTTP with Echo. Handlers are
// methods on Server, one action per file named <noun>_<verb>.go; routes.go lists every route.
package web

import (
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/semaphore"

	"seminars/internal/accounting"
	"seminars/internal/app"
	"seminars/internal/auth"
	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/calendar"
	"seminars/internal/config"
	"seminars/internal/feedback"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/legal"
	"seminars/internal/mail"
	"seminars/internal/privacy"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// Server is the HTTP side of the service.
type Server struct {
	echo     *echo.Echo
	cfg      config.Config // what only HTTP needs: addresses, limits, proxies, display
	store    *store.Store
	bookings *booking.Service
	auth     *auth.Service
	office   *backoffice.Service
	waitlist *backoffice.Waitlist
	i18n     *i18n.Catalog
	views    *Views
	renderer *invoice.Renderer
	seller   invoice.Seller
	legal    *legal.Library
	files    fs.FS
	metrics  *metrics
	log      *slog.Logger
	now      func() time.Time

	// calendar is the trainer's calendar feed, whose URL is derived from the server secret.
	calendar *calendar.Service
	// secrets derives the attendees' page links and check-in codes; mail draws an attendee's
	// calendar entry as their confirmation did.
	secrets *secret.Keyring
	mail    *mail.Worker

	// issued serves the stored files of issued invoices and credit notes.
	issued *invoice.Documents
	// exports builds the accountant's files (DATEV, ZIP of documents, ZM).
	exports *accounting.Exports
	// privacy exports and erases a person's data (Art. 15, 17 and 20 GDPR).
	privacy *privacy.Service
	// known is the route table as "METHOD path", for 405 answers (methodAllowed).
	known knownRoutes
	// decisions lists the dates whose run decision is due (dashboard, date page).
	decisions *backoffice.RunDecisions
	// feedback is the survey after a date (consent, answers, results, quotes).
	feedback *feedback.Service
	// pages keeps the rendered catalogue, seminar pages and seminars API by data version.
	pages *pageCache
	// dashboards bounds the admin dashboards built at once (memory, admin_dashboard_gate.go).
	dashboards *semaphore.Weighted
	// hashes gives a password check's memory back once it is done (admin_login_memory.go).
	hashes hashMemory
}

// New builds the server and its routes over the services of a, which it never builds itself.
// The background jobs' metrics are shown on /metrics beside the server's own.
func New(a *app.App) (*Server, error) {
	if a.Calendar == nil {
		return nil, errors.New("web: the app's secrets are not loaded (app.LoadSecrets)")
	}
	views, err := NewViews(a.Files)
	if err != nil {
		return nil, err
	}
	s := &Server{
		echo: echo.New(), cfg: a.Config, store: a.Store, bookings: a.Bookings, auth: a.Auth,
		office: a.Office, waitlist: a.Waitlist, i18n: a.I18n, views: views, renderer: a.Renderer,
		seller: a.Seller, files: a.Files, metrics: newMetrics(a.Now, a.JobMetrics, newAttentionGauge(a.Store)), log: a.Log, now: a.Now,
		issued: a.Documents, exports: a.Exports, calendar: a.Calendar, legal: a.Legal,
		secrets: a.Secrets, mail: a.Mail,
		privacy: a.Privacy,
	}
	s.decisions = a.RunDecisions
	s.feedback = a.Feedback
	s.dashboards = newDashboardGate()
	s.pages = newPageCache(pageCacheBytes, s.metrics.pageRenders, s.metrics.pageStale)
	s.echo.HideBanner = true
	s.echo.HidePort = true
	s.echo.HTTPErrorHandler = s.handleError
	s.echo.IPExtractor = ipExtractor(a.Config)
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
