package web

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"seminars/internal/store"
)

// attentionGauge reports the bookings on the back office's "needs attention" list, by reason
// (a Stripe payment that did not match, a failed refund, a refund to send by hand…). It reads the
// database at each scrape, so every instance reports the same and a restart loses nothing.
type attentionGauge struct {
	st   *store.Store
	desc *prometheus.Desc
}

func newAttentionGauge(st *store.Store) *attentionGauge {
	return &attentionGauge{st: st, desc: prometheus.NewDesc("seminars_bookings_needing_attention",
		"Bookings on the back office's needs-attention list now, by reason (e.g. payment_mismatch).", []string{"reason"}, nil)}
}

// Describe implements prometheus.Collector.
func (g *attentionGauge) Describe(ch chan<- *prometheus.Desc) { ch <- g.desc }

// Collect implements prometheus.Collector. A database that does not answer leaves the gauge out
// of this scrape rather than failing it.
func (g *attentionGauge) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	counts, err := g.st.CountAttentionBookings(ctx)
	if err != nil {
		return
	}
	for reason, n := range counts {
		ch <- prometheus.MustNewConstMetric(g.desc, prometheus.GaugeValue, float64(n), reason)
	}
}
