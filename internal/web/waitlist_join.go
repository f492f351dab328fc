package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// waitlistNew shows the form to join the waiting list of a date.
func (s *Server) waitlistNew(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	return s.renderWaitlistJoin(c, http.StatusOK, date, form.Waitlist{Seats: "1"}, c.QueryParam("joined") != "", nil)
}

// waitlistCreate puts someone in line.
func (s *Server) waitlistCreate(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	f := form.WaitlistFromValues(mustForm(c))
	if c.FormValue("action") == actionSwitchLanguage {
		s.rememberLanguage(c, language(c))
		return s.renderWaitlistJoin(c, http.StatusOK, date, f, false, nil)
	}
	entry, errs := f.Validate(date.ID, language(c), s.cfg.MaxAttendees)
	if len(errs) == 0 {
		err = s.waitlist.Join(c.Request().Context(), &entry)
		var invalid *model.ValidationError
		if !errors.As(err, &invalid) {
			if err != nil {
				return err
			}
			return redirect(c, href(c, "/waitlist/"+strconv.Itoa(int(date.ID))+"?joined=1"))
		}
		errs = invalid.Fields
	}
	return s.renderWaitlistJoin(c, http.StatusUnprocessableEntity, date, f, false, s.translate(c, errs))
}

func (s *Server) renderWaitlistJoin(c echo.Context, status int, date model.SeminarDate, f form.Waitlist, joined bool, errs map[string]string) error {
	title := s.i18n.For(language(c)).T("waitlist.title")
	return s.render(c, status, pageWaitlistJoin, title, waitlistJoinData{Date: date, Form: f, Joined: joined}, errs)
}
