package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the Prometheus collectors of one server, in a registry of their own (no globals).
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	bookings *prometheus.CounterVec
	now      func() time.Time // the server's clock; measures request durations
	// pageRenders and pageStale are the page cache's (pageCache): how often a cached public page
	// was rendered, and how often one was served after a newer data version (at most a second old).
	pageRenders, pageStale prometheus.Counter
}

// newMetrics makes the server's collectors, timed by the server's clock, and registers them with
// others (the jobs' metrics).
func newMetrics(now func() time.Time, others ...prometheus.Collector) *metrics {
	m := &metrics{
		now:      now,
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seminars_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"method", "route", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "seminars_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method", "route"}),
		bookings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "seminars_bookings_total", Help: "Booking attempts by outcome.",
		}, []string{"outcome"}),
		pageRenders: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seminars_page_renders_total", Help: "Public pages rendered for the page cache (the catalogue, seminar pages, the seminars API).",
		}),
		pageStale: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "seminars_page_stale_answers_total", Help: "Cached public pages served after a newer data version, at most a second after their render began.",
		}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.bookings, m.pageRenders, m.pageStale,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.registry.MustRegister(others...)
	return m
}

// methodLabel is the label value for a request's method: the standard methods have their own,
// any method a client makes up is "OTHER", so it cannot create new series.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return method
	}
	return "OTHER"
}

// middleware counts requests by route pattern (not raw path, so references don't explode labels)
// and by method (made-up ones as "OTHER"). A request whose client hung up is counted as 499.
func (m *metrics) middleware() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := m.now()
			err := next(c)
			status := c.Response().Status
			switch {
			case clientGone(c, err):
				status = statusClientClosedRequest
			case err != nil:
				status = classify(err).Status
			}
			route := c.Path()
			if route == "" {
				route = "unmatched"
			}
			method := methodLabel(c.Request().Method)
			m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
			m.latency.WithLabelValues(method, route).Observe(m.now().Sub(start).Seconds())
			return err
		}
	}
}

func (m *metrics) handler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
}
