package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"seminars/internal/i18n"
)

const (
	langContextKey = "lang"
	csrfContextKey = "csrf"
	langCookie     = "lang"
)

// language sets the request's language once: a public page's language is in its URL (/en/...
// is English, the rest German); the back office follows the visitor's preference.
func (s *Server) language() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			lang := languageOfPath(c.Request().URL.Path)
			if lang == "" {
				lang = s.preferredLanguage(c)
				c.Response().Header().Add("Vary", "Accept-Language, Cookie")
			}
			c.Set(langContextKey, lang)
			return next(c)
		}
	}
}

// language returns the request's language as set by the language middleware.
func language(c echo.Context) string {
	if lang, ok := c.Get(langContextKey).(string); ok {
		return lang
	}
	return i18n.Languages[0]
}

// secureCookies tells whether cookies must carry Secure: when the public URL is HTTPS.
func (s *Server) secureCookies() bool { return strings.HasPrefix(s.cfg.BaseURL, "https://") }

// csrf protects every form with a token in the hidden field _csrf (double-submit cookie). The
// cached public pages (cachedPageRoutes) hold no form and skip it: a token and a cookie per
// visitor would be most of their cost.
func (s *Server) csrf() echo.MiddlewareFunc {
	return middleware.CSRFWithConfig(middleware.CSRFConfig{
		Skipper: func(c echo.Context) bool {
			return c.Request().Method == http.MethodGet && cachedPageRoutes[strings.TrimPrefix(c.Path(), englishPrefix)]
		},
		TokenLookup:    "form:_csrf",
		ContextKey:     csrfContextKey,
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSecure:   s.secureCookies(),
		CookieSameSite: http.SameSiteLaxMode,
		ErrorHandler: func(err error, c echo.Context) error {
			return echo.NewHTTPError(http.StatusForbidden, "csrf").SetInternal(err)
		},
	})
}

// securityHeaders sets CSP and the other headers every response should carry. Only our own
// scripts and styles load; forms may post to ourselves and redirect to Stripe Checkout.
func (s *Server) securityHeaders() echo.MiddlewareFunc {
	hsts := 0
	if s.secureCookies() {
		hsts = 31536000
	}
	return middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0",
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		HSTSMaxAge:            hsts,
		ReferrerPolicy:        "same-origin",
		ContentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'; base-uri 'self'",
	})
}

// bodyLimit refuses bodies above max_body_bytes with 413 — but on the material upload routes
// (uploadLimits), which take a file of up to material_max_bytes and have their own limit. It
// runs after routing (e.Use), so c.Path() is the route's pattern.
func (s *Server) bodyLimit() echo.MiddlewareFunc {
	small := middleware.BodyLimit(fmt.Sprintf("%dB", s.cfg.MaxBodyBytes))
	uploads := map[string]echo.MiddlewareFunc{}
	for path, limit := range uploadLimits(s.cfg.MaterialMaxBytes) {
		uploads[path] = middleware.BodyLimit(fmt.Sprintf("%dB", limit))
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		smallNext := small(next)
		uploadNext := map[string]echo.HandlerFunc{}
		for path, limit := range uploads {
			uploadNext[path] = limit(next)
		}
		return func(c echo.Context) error {
			if h, ok := uploadNext[c.Path()]; ok && c.Request().Method == http.MethodPost {
				return h(c)
			}
			return smallNext(c)
		}
	}
}

// bookingRateLimit limits bookings per client IP per minute; 0 turns it off.
func (s *Server) bookingRateLimit() echo.MiddlewareFunc {
	perMinute := s.cfg.BookingRateLimit
	if perMinute == 0 {
		return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
	}
	limiterStore := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(float64(perMinute) / 60), Burst: perMinute, ExpiresIn: 3 * time.Minute,
	})
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store:               limiterStore,
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			return echo.NewHTTPError(http.StatusTooManyRequests, "rate_limited")
		},
		ErrorHandler: func(c echo.Context, err error) error {
			return echo.NewHTTPError(http.StatusForbidden, "rate_limited").SetInternal(err)
		},
	})
}

// requestLog logs every request with slog.
func (s *Server) requestLog() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogMethod: true, LogURIPath: true, LogStatus: true, LogLatency: true, LogError: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			attrs := []slog.Attr{
				slog.String("method", v.Method), slog.String("path", loggedPath(c)),
				slog.Int("status", v.Status), slog.Duration("latency", v.Latency),
			}
			if v.Error != nil && v.Status >= 500 {
				attrs = append(attrs, slog.String("error", v.Error.Error()))
			}
			if v.Status == statusClientClosedRequest {
				attrs = append(attrs, slog.Bool("client_disconnected", true))
			}
			s.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
			return nil
		},
	})
}

// recoverPanics turns a panic into a logged 500 without a stack trace in the response.
func (s *Server) recoverPanics() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) (err error) {
			defer func() {
				if r := recover(); r != nil {
					s.log.Error("panic", "path", loggedPath(c), "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
					err = fmt.Errorf("panic: %v", r)
				}
			}()
			return next(c)
		}
	}
}
