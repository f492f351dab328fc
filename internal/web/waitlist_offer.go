package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/backoffice"
	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/web/form"
)

// waitlistOfferShow shows an offer: the booking form for the seats it holds, or why it is over.
func (s *Server) waitlistOfferShow(c echo.Context) error {
	e, date, err := s.waitlistOffer(c)
	if err != nil {
		return err
	}
	f := form.Booking{DateID: date.ID, Attendees: make([]form.Attendee, e.Seats), PaymentMethod: s.defaultPaymentMethod()}
	f.Attendees[0] = form.Attendee{FirstName: "", LastName: "", Email: e.Email}
	f.Billing = form.Billing{Company: e.Company, Name: e.Name, Email: e.Email, Country: "DE"}
	return s.renderWaitlistOffer(c, http.StatusOK, e, date, f, nil, "")
}

// waitlistOfferAccept books the offered seats.
func (s *Server) waitlistOfferAccept(c echo.Context) error {
	e, date, err := s.waitlistOffer(c)
	if err != nil {
		return err
	}
	f := form.FromValues(mustForm(c), date.ID)
	f.PaymentMethod = s.defaultPaymentMethod()
	if c.FormValue("action") == actionSwitchLanguage {
		s.rememberLanguage(c, language(c))
		return s.renderWaitlistOffer(c, http.StatusOK, e, date, f, nil, "")
	}
	if errs := f.Validate(e.Seats, true); len(errs) > 0 {
		return s.renderWaitlistOffer(c, http.StatusUnprocessableEntity, e, date, f, s.translate(c, errs), "")
	}
	res, err := s.waitlist.Accept(c.Request().Context(), c.Param("token"), f.Request(language(c)))
	var invalid *model.ValidationError
	switch {
	case errors.As(err, &invalid):
		return s.renderWaitlistOffer(c, http.StatusUnprocessableEntity, e, date, f, s.translate(c, invalid.Fields), "")
	case errors.Is(err, model.ErrInvalidTransition), errors.Is(err, model.ErrNotBookable):
		return s.renderWaitlistOffer(c, http.StatusConflict, e, date, f, nil, s.i18n.For(language(c)).T("waitlist.offer.over"))
	case err != nil:
		if _, soldOut := booking.IsSoldOut(err); soldOut {
			return s.renderWaitlistOffer(c, http.StatusConflict, e, date, f, nil, s.i18n.For(language(c)).T("waitlist.offer.over"))
		}
		return err
	}
	return redirect(c, href(c, "/b/"+res.Booking.Reference+"?t="+res.ManageToken))
}

func (s *Server) waitlistOffer(c echo.Context) (model.WaitlistEntry, model.SeminarDate, error) {
	e, err := s.waitlist.Offer(c.Request().Context(), c.Param("token"))
	if err != nil {
		return e, model.SeminarDate{}, err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	date, err := s.store.DateByID(c.Request().Context(), e.DateID)
	return e, date, err
}

func (s *Server) renderWaitlistOffer(c echo.Context, status int, e model.WaitlistEntry, date model.SeminarDate, f form.Booking, errs map[string]string, problem string) error {
	t := s.i18n.For(language(c))
	open := backoffice.OfferOpen(e, s.now())
	if !open && problem == "" {
		problem = t.T("waitlist.offer.over")
	}
	return s.render(c, status, pageWaitlistOffer, t.T("waitlist.offer.title"), waitlistOfferData{
		Entry: e, Date: date, Form: f, Open: open && status != http.StatusConflict, Problem: problem,
		Token: c.Param("token"), Countries: billingCountries(),
	}, errs)
}
