package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminDashboard shows the upcoming dates with their fill level and what needs attention.
func (s *Server) adminDashboard(c echo.Context) error {
	ctx := c.Request().Context()
	dates, err := s.store.AdminUpcomingDates(ctx, s.now(), 20)
	if err != nil {
		return err
	}
	open, err := s.store.CountOpenInvoices(ctx)
	if err != nil {
		return err
	}
	inquiries, err := s.store.CountOpenInquiries(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	recent, err := s.store.BookingsSince(ctx, now.AddDate(-1, -1, 0))
	if err != nil {
		return err
	}
	attention, err := s.store.AttentionBookings(ctx, 100)
	if err != nil {
		return err
	}
	user, _ := staff(c)
	t := s.i18n.For(language(c))
	seats, revenue := monthlyCharts(recent, now, 12, t, s.cfg.Location)
	return s.render(c, http.StatusOK, pageAdminDashboard, t.T("admin.dashboard.title"), dashboardData{
		Dates: dates, OpenInvoices: open, OpenInquiries: inquiries,
		Fill: newFillChart(dates[:min(len(dates), 12)], t, s.cfg.Location), Seats: seats, Revenue: revenue,
		Attention: attention, CanHandle: user.IsOwner(), Notice: c.QueryParam("done"),
	}, nil)
}
