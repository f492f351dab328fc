package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// adminOfferFile is an offer's stored PDF (GET /admin/offers/{id}/pdf and the same under the
// admin API): the bytes the company was sent.
func (s *Server) adminOfferFile(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	o, err := s.store.OfferByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return s.offerPDF(c, o)
}

// offerPDF answers with an offer's stored PDF.
func (s *Server) offerPDF(c echo.Context, o model.Offer) error {
	doc, err := s.issued.OfferFile(c.Request().Context(), o)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf("inline; filename=%q", invoice.OfferFileName(o)))
	return c.Blob(http.StatusOK, doc.ContentType, doc.Data)
}
