package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// adminDashboard shows the upcoming dates with their fill level and what needs attention.
func (s *Server) adminDashboard(c echo.Context) error {
	ctx := c.Request().Context()
	if err := s.dashboards.Acquire(ctx, 1); err != nil {
		return err // the visitor left while the dashboard waited for a slot
	}
	defer s.dashboards.Release(1)
	dates, err := s.store.AdminUpcomingDates(ctx, s.now(), 20)
	if err != nil {
		return err
	}
	open, err := s.store.CountOpenItems(ctx, s.now())
	if err != nil {
		return err
	}
	inquiries, err := s.store.CountOpenInquiries(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	months := monthStarts(now, 12, s.cfg.Location)
	totals, err := s.store.BookedByPeriod(ctx, months)
	if err != nil {
		return err
	}
	attention, err := s.store.AttentionBookings(ctx, 100)
	if err != nil {
		return err
	}
	parked, err := s.store.CountParkedOutbox(ctx)
	if err != nil {
		return err
	}
	decisions, err := s.decisions.Due(ctx, now)
	if err != nil {
		return err
	}
	user, _ := staff(c)
	t := s.i18n.For(language(c))
	seats, revenue := monthlyCharts(totals, months, t)
	return s.render(c, http.StatusOK, pageAdminDashboard, t.T("admin.dashboard.title"), dashboardData{
		Dates: dates, OpenInvoices: open, OpenInquiries: inquiries,
		Fill: newFillChart(dates[:min(len(dates), 12)], t, s.cfg.Location), Seats: seats, Revenue: revenue,
		Attention: attention, Parked: parkedTopics(parked), CanHandle: user.IsOwner(), Notice: c.QueryParam("done"),
		Decisions: decisions,
	}, nil)
}

// parkedTopic is one line of the dashboard's parked background items.
type parkedTopic struct {
	Topic string
	Count int64
}

// parkedTopics lists the parked counts in a steady order, by topic.
func parkedTopics(counts map[string]int64) []parkedTopic {
	out := make([]parkedTopic, 0, len(counts))
	for topic, n := range counts {
		out = append(out, parkedTopic{Topic: topic, Count: n})
	}
	slices.SortFunc(out, func(a, b parkedTopic) int { return strings.Compare(a.Topic, b.Topic) })
	return out
}
