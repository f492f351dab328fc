package worker

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"seminars/internal/store"
)

// Metrics counts what the background jobs did, by topic (the outbox topic, or the job's name
// for jobs that are not outbox queues), and reports the parked items read from the database, so
// the gauge is right for every instance and after a restart. It is a prometheus.Collector.
type Metrics struct {
	st              *store.Store
	processedTotal  *prometheus.CounterVec
	failedTotal     *prometheus.CounterVec
	parkedTotal     *prometheus.CounterVec
	parkedItemsDesc *prometheus.Desc
}

// NewMetrics returns the job metrics; st is read for the parked-items gauge at each scrape.
func NewMetrics(st *store.Store) *Metrics {
	counter := func(name, help string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, []string{"topic"})
	}
	return &Metrics{
		st:             st,
		processedTotal: counter("seminars_worker_processed_total", "Background items carried out, by topic."),
		failedTotal:    counter("seminars_worker_failed_total", "Failed attempts of background items and failed job rounds, by topic or job."),
		parkedTotal:    counter("seminars_worker_parked_total", "Background items parked as failed (a panic or permanent error, worker_max_attempts times), by topic."),
		parkedItemsDesc: prometheus.NewDesc("seminars_worker_parked_items", "Outbox items parked as failed now, waiting for a resend, by topic.",
			[]string{"topic"}, nil),
	}
}

// Describe implements prometheus.Collector.
func (m *Metrics) Describe(ch chan<- *prometheus.Desc) {
	m.processedTotal.Describe(ch)
	m.failedTotal.Describe(ch)
	m.parkedTotal.Describe(ch)
	ch <- m.parkedItemsDesc
}

// Collect implements prometheus.Collector. A database that does not answer leaves the gauge
// out of this scrape rather than failing it.
func (m *Metrics) Collect(ch chan<- prometheus.Metric) {
	m.processedTotal.Collect(ch)
	m.failedTotal.Collect(ch)
	m.parkedTotal.Collect(ch)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	counts, err := m.st.CountParkedOutbox(ctx)
	if err != nil {
		return
	}
	for topic, n := range counts {
		ch <- prometheus.MustNewConstMetric(m.parkedItemsDesc, prometheus.GaugeValue, float64(n), topic)
	}
}

func (m *Metrics) processed(topic string) {
	if m != nil {
		m.processedTotal.WithLabelValues(topic).Inc()
	}
}

func (m *Metrics) failed(topic string) {
	if m != nil {
		m.failedTotal.WithLabelValues(topic).Inc()
	}
}

func (m *Metrics) parked(topic string) {
	if m != nil {
		m.parkedTotal.WithLabelValues(topic).Inc()
	}
}
