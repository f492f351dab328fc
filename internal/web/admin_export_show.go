package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// exportData is the accountant's export page: the period form and, once a period is chosen, its
// documents with totals and the download links.
type exportData struct {
	From, To string // as typed
	Quarter  string // the ZM quarter of the period's start, e.g. 2026-Q1
	Chosen   bool   // a valid period was given
	Query    string // from=…&to=… for the download links
	Invoices []model.Invoice
	// Totals of the period's gross amounts: what the DATEV file books as S and as H.
	InvoiceGrossCents, CreditGrossCents int64
	Chart, DateBasis                    string
}

// adminExportShow is GET /admin/exports?from=&to= (owners only): pick a period, see what it
// holds, download the DATEV file, the ZIP of the documents and the ZM figures.
func (s *Server) adminExportShow(c echo.Context) error {
	t := s.i18n.For(language(c))
	settings := s.exports.Settings()
	d := exportData{From: c.QueryParam("from"), To: c.QueryParam("to"), Chart: settings.Chart, DateBasis: settings.DateBasis}
	if d.From == "" && d.To == "" { // first visit: last month
		now := s.now().In(s.cfg.Location)
		first := now.AddDate(0, 0, 1-now.Day()).AddDate(0, -1, 0)
		d.From, d.To = first.Format("2006-01-02"), first.AddDate(0, 1, -1).Format("2006-01-02")
		return s.render(c, http.StatusOK, pageAdminExports, t.T("admin.exports.title"), d, nil)
	}
	p, err := s.exportPeriod(c)
	if err == nil {
		err = s.exports.CheckDATEVPeriod(p) // the page is for the DATEV file, one fiscal year each
	}
	var fieldErr *model.FieldError
	if errors.As(err, &fieldErr) {
		return s.render(c, http.StatusBadRequest, pageAdminExports, t.T("admin.exports.title"), d,
			map[string]string{fieldErr.Field: t.T(fieldErr.MessageKey())})
	}
	if err != nil {
		return err
	}
	if d.Invoices, err = s.exports.Issued(c.Request().Context(), p); err != nil {
		return err
	}
	for _, inv := range d.Invoices {
		if inv.IsCreditNote() {
			d.CreditGrossCents -= inv.GrossCents
		} else {
			d.InvoiceGrossCents += inv.GrossCents
		}
	}
	d.Chosen = true
	d.Query = url.Values{"from": {d.From}, "to": {d.To}}.Encode()
	d.Quarter = fmt.Sprintf("%d-Q%d", p.From.Year(), (int(p.From.Month())+2)/3)
	return s.render(c, http.StatusOK, pageAdminExports, t.T("admin.exports.title"), d, nil)
}
