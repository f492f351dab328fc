package web

import (
	"io/fs"

	"github.com/labstack/echo/v4"
)

// routes is the one table of every route, grouped by audience; each group sets its middleware.
func (s *Server) routes() {
	e := s.echo
	e.Pre(s.recoverPanics())
	e.Use(s.requestLog(), s.metrics.middleware(), s.securityHeaders(), s.bodyLimit(), s.language())

	// Operations.
	e.GET("/healthz", s.healthShow)
	e.GET("/metrics", s.metrics.handler())
	static, _ := fs.Sub(s.files, "static")
	e.StaticFS("/static", static)

	// Public pages (CSRF-protected forms).
	pages := e.Group("", s.csrf())
	pages.GET("/", s.catalogueShow)
	pages.GET("/seminars/:slug", s.seminarShow)
	pages.GET("/lang/:lang", s.languageSet)

	// Booking pages.
	pages.GET("/book/:date", s.bookingNew)
	pages.POST("/book/:date", s.bookingCreate, s.bookingRateLimit())
	pages.GET("/b/:reference", s.bookingShow)
	pages.GET("/b/:reference/documents/:file", s.documentShow)
	pages.POST("/b/:reference/attendees", s.attendeeSubstitute)

	// Public JSON API.
	api := e.Group("/api/v1")
	api.GET("/seminars", s.apiSeminarList)
	api.POST("/bookings", s.apiBookingCreate, s.bookingRateLimit())
	api.GET("/bookings/:reference", s.apiBookingShow)

	e.RouteNotFound("/*", func(c echo.Context) error { return echo.ErrNotFound })
}
