package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminDashboard shows the upcoming dates with their fill level and what needs attention.
func (s *Server) adminDashboard(c echo.Context) error {
	ctx := c.Request().Context()
	dates, err := s.store.AdminUpcomingDates(ctx, s.now(), 50)
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
	title := s.i18n.For(language(c)).T("admin.dashboard.title")
	return s.render(c, http.StatusOK, pageAdminDashboard, title, dashboardData{Dates: dates, OpenInvoices: open, OpenInquiries: inquiries}, nil)
}
