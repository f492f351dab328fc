package web

import "github.com/labstack/echo/v4"

// offerFile is the offer's stored PDF behind the company's private link.
func (s *Server) offerFile(c echo.Context) error {
	o, _, err := s.offerFromLink(c)
	if err != nil {
		return err
	}
	return s.offerPDF(c, o)
}
