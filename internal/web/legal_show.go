package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/legal"
)

// legalPageData is a legal page as rendered from its Markdown.
type legalPageData struct {
	Page     legal.Page
	Document legal.Document
	Seller   string
}

// Description is the meta description of a legal page: its title and the seller.
func (d legalPageData) Description(string) string { return d.Document.Title + " · " + d.Seller }

// legalShow shows the Impressum, the privacy notice or the terms in the page's language.
func (s *Server) legalShow(page legal.Page) echo.HandlerFunc {
	return func(c echo.Context) error {
		doc, ok := s.legal.Document(page, language(c))
		if !ok {
			return echo.ErrNotFound
		}
		return s.render(c, http.StatusOK, pageLegal, doc.Title, legalPageData{Page: page, Document: doc, Seller: s.seller.Name}, nil)
	}
}
