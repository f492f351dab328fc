package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// bookingNew shows the booking form for a date, or, when the date has no seat left, the waiting
// list and the seminar's other dates: a form that can only be refused costs the booker their typing.
func (s *Server) bookingNew(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	rows, _ := strconv.Atoi(c.QueryParam("n"))
	rows = min(max(rows, 1), s.bookings.Settings().MaxAttendees)
	f := form.Booking{DateID: date.ID, Attendees: make([]form.Attendee, rows), PaymentMethod: s.defaultPaymentMethod()}
	f.Billing.Country = "DE"
	return s.renderBookingForm(c, http.StatusOK, date, f, nil, "")
}

// bookableDate loads the date named in the path; a date that is past, cancelled or unknown is
// 404, and so is an unlisted (in-house) date without its private key (query parameter k).
func (s *Server) bookableDate(c echo.Context) (model.SeminarDate, error) {
	id, err := model.ParseID("date", c.Param("date"))
	if err != nil {
		return model.SeminarDate{}, fmt.Errorf("date %q: %w", c.Param("date"), model.ErrNotFound)
	}
	date, err := s.store.DateByID(c.Request().Context(), id)
	if err != nil {
		return model.SeminarDate{}, err
	}
	if date.Unlisted && !s.secrets.MatchesInhouseDateToken(c.QueryParam("k"), date.ID) {
		return model.SeminarDate{}, fmt.Errorf("unlisted date %d without its key: %w", id, model.ErrNotFound)
	}
	if !date.Bookable(s.now()) || date.Seminar == nil || (!date.Seminar.Published && !date.Unlisted) {
		return model.SeminarDate{}, fmt.Errorf("date %d: %w", id, model.ErrNotFound)
	}
	return date, nil
}

func (s *Server) defaultPaymentMethod() string {
	if s.bookings.Settings().InvoicePayment {
		return model.PaymentInvoice
	}
	return model.PaymentCard
}

func (s *Server) renderBookingForm(c echo.Context, status int, date model.SeminarDate, f form.Booking, errs map[string]string, problem string) error {
	return s.renderBooking(c, status, bookingFormData{Date: date, Form: f, Problem: problem}, errs)
}

// renderBooking renders the booking page from d's date, form and problem, filling in what every
// rendering needs. A date with no seat left renders as full whatever the caller asked.
func (s *Server) renderBooking(c echo.Context, status int, d bookingFormData, errs map[string]string) error {
	title := s.i18n.For(language(c)).T("booking.title", "Seminar", d.Date.Seminar.Title(language(c)))
	d.Tax, d.Now, d.Countries = s.domesticTax(), s.now(), billingCountries()
	if d.Date.Unlisted {
		d.Key = c.QueryParam("k") // bookableDate checked it
	}
	d.MaxAttendees = s.bookings.Settings().MaxAttendees
	d.Full = d.Date.SeatsLeft() <= 0
	questions, sensitive, err := s.askedQuestions(c, d.Date.SeminarID)
	if err != nil {
		return err
	}
	d.Questions, d.SensitiveAsked = questions, sensitive
	if !d.Full {
		total, err := s.formTotal(c, d.Date, d.Form)
		if err != nil {
			return err
		}
		d.Total = total
	}
	if d.Date.Unlisted {
		d.OfferWaitlist = false // an in-house date has no waiting list and no other dates to offer
	} else if d.Full || d.OfferWaitlist {
		others, err := s.otherBookableDates(c, d.Date)
		if err != nil {
			return err
		}
		d.OtherDates = others
	}
	return s.render(c, status, pageBookingForm, title, d, errs)
}

// otherBookableDates are the upcoming dates of date's seminar, other than date, that can still
// take at least one booking.
func (s *Server) otherBookableDates(c echo.Context, date model.SeminarDate) ([]model.SeminarDate, error) {
	sem, err := s.store.SeminarBySlug(c.Request().Context(), date.Seminar.Slug, s.now())
	if err != nil {
		return nil, err
	}
	var others []model.SeminarDate
	for _, d := range sem.Dates {
		if d.ID != date.ID && d.SeatsLeft() > 0 && d.Bookable(s.now()) {
			d.Seminar = &sem
			others = append(others, d)
		}
	}
	return others, nil
}

// askedQuestions are the seminar's questions the booker answers for each attendee: all but the
// sensitive ones, which each attendee answers on their own page with consent; sensitive tells
// whether there are such.
func (s *Server) askedQuestions(c echo.Context, seminarID uint) (asked []model.SeminarQuestion, sensitive bool, err error) {
	all, err := s.store.QuestionsForSeminar(c.Request().Context(), seminarID)
	if err != nil {
		return nil, false, err
	}
	for _, q := range all {
		if q.Sensitive {
			sensitive = true
		} else {
			asked = append(asked, q)
		}
	}
	return asked, sensitive, nil
}

// bookerQuestions are askedQuestions of b's seminar: what the booker (or staff for them) answers
// for a person added to the booking or taking over a seat.
func (s *Server) bookerQuestions(c echo.Context, b model.Booking) ([]model.SeminarQuestion, error) {
	if b.Date == nil {
		return nil, nil
	}
	asked, _, err := s.askedQuestions(c, b.Date.SeminarID)
	return asked, err
}

// bookerAnswers are the answers b's attendees have to the given questions (attendee id →
// question id → value), leaving out any other answer, such as a sensitive one.
func (s *Server) bookerAnswers(c echo.Context, b model.Booking, questions []model.SeminarQuestion) (map[uint]model.Answers, error) {
	ids := make([]uint, len(b.Attendees))
	for i, a := range b.Attendees {
		ids[i] = a.ID
	}
	all, err := s.store.AnswersOf(c.Request().Context(), ids...)
	if err != nil {
		return nil, err
	}
	out := map[uint]model.Answers{}
	for id, answers := range all {
		for _, q := range questions {
			if v, ok := answers[q.ID]; ok {
				if out[id] == nil {
					out[id] = model.Answers{}
				}
				out[id][q.ID] = v
			}
		}
	}
	return out, nil
}
