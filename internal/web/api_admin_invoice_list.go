package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminInvoiceJSON is an invoice or credit note in the admin API.
type adminInvoiceJSON struct {
	Number           string             `json:"number"`
	Kind             string             `json:"kind"`
	IssuedOn         string             `json:"issued_on"` // YYYY-MM-DD in the service's time zone
	Customer         string             `json:"customer"`
	CustomerVATID    string             `json:"customer_vat_id,omitempty"`
	BookingReference string             `json:"booking_reference"`
	OriginalNumber   string             `json:"original_number,omitempty"` // the invoice a credit note corrects
	TaxTreatment     model.TaxTreatment `json:"tax_treatment"`
	NetCents         int64              `json:"net_cents"`
	VATCents         int64              `json:"vat_cents"`
	GrossCents       int64              `json:"gross_cents"`
	Currency         string             `json:"currency"`
	Documents        map[string]string  `json:"documents"` // "pdf" and "xml" → download URL
}

// apiAdminInvoiceList is GET /api/v1/admin/invoices?from=&to=: the invoices and credit notes
// issued in the period (days in the service's time zone, both included), oldest first.
func (s *Server) apiAdminInvoiceList(c echo.Context) error {
	p, err := s.exportPeriod(c)
	if err != nil {
		return err
	}
	invs, err := s.exports.Issued(c.Request().Context(), p)
	if err != nil {
		return err
	}
	out := make([]adminInvoiceJSON, 0, len(invs))
	for _, inv := range invs {
		out = append(out, s.adminInvoiceView(inv))
	}
	return c.JSON(http.StatusOK, map[string]any{"invoices": out})
}

func (s *Server) adminInvoiceView(inv model.Invoice) adminInvoiceJSON {
	base := s.cfg.BaseURL + "/api/v1/admin/invoices/" + inv.Number + "/"
	return adminInvoiceJSON{
		Number: inv.Number, Kind: inv.Kind, IssuedOn: inv.IssuedAt.In(s.cfg.Location).Format("2006-01-02"),
		Customer: inv.Buyer.Name, CustomerVATID: inv.Buyer.VATID, BookingReference: inv.BookingReference,
		OriginalNumber: inv.OriginalNumber, TaxTreatment: inv.TaxTreatment,
		NetCents: inv.NetCents, VATCents: inv.VATCents, GrossCents: inv.GrossCents, Currency: inv.Currency,
		Documents: map[string]string{model.DocumentPDF: base + model.DocumentPDF, model.DocumentXML: base + model.DocumentXML},
	}
}
