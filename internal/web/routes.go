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

	// One limiter for the booking form and the booking API: the limit is per client IP, however
	// the client books.
	bookingLimit := s.bookingRateLimit()

	// Public pages (CSRF-protected forms).
	pages := e.Group("", s.csrf())
	pages.GET("/", s.catalogueShow)
	pages.GET("/seminars/:slug", s.seminarShow)
	pages.GET("/lang/:lang", s.languageSet)
	pages.GET("/inhouse", s.inquiryNew)
	pages.POST("/inhouse", s.inquiryCreate, s.bookingRateLimit())

	// Booking pages.
	pages.GET("/book/:date", s.bookingNew)
	pages.POST("/book/:date", s.bookingCreate, bookingLimit)
	pages.GET("/b/:reference", s.bookingShow)
	pages.GET("/b/:reference/return", s.bookingReturn)
	pages.GET("/b/:reference/cancel", s.bookingCancelConfirm)
	pages.POST("/b/:reference/cancel", s.bookingCancel)

	// Public JSON API.
	api := e.Group("/api/v1")
	api.GET("/seminars", s.apiSeminarList)
	api.POST("/bookings", s.apiBookingCreate, bookingLimit)
	api.GET("/bookings/:reference", s.apiBookingShow)

	// Webhooks: no CSRF (the signature is the proof), raw body read by the handler.
	e.POST("/webhooks/stripe", s.webhookStripe)

	// Admin outbox (mail issue): protected by the admin API group once merged.
	adminAPI := e.Group("/api/v1/admin", s.adminAPIAuth())
	adminAPI.GET("/outbox", s.outboxList)
	adminAPI.POST("/outbox/:id/resend", s.outboxResend)

	e.RouteNotFound("/*", func(c echo.Context) error { return echo.ErrNotFound })
}
