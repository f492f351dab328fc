package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

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
	return s.renderWaitlistJoin(c, http.StatusOK, date, waitlistForm{Seats: "1"}, c.QueryParam("joined") != "", nil)
}

// waitlistCreate puts someone in line.
func (s *Server) waitlistCreate(c echo.Context) error {
	date, err := s.bookableDate(c)
	if err != nil {
		return err
	}
	f := waitlistForm{Name: c.FormValue("name"), Email: c.FormValue("email"), Company: c.FormValue("company"), Seats: c.FormValue("seats")}
	entry, errs := f.entry(date.ID, language(c))
	if len(errs) == 0 {
		err = s.waitlist.Join(c.Request().Context(), &entry)
		var invalid *model.ValidationError
		if !errors.As(err, &invalid) {
			if err != nil {
				return err
			}
			return redirect(c, "/waitlist/"+strconv.Itoa(int(date.ID))+"?joined=1")
		}
		errs = invalid.Fields
	}
	return s.renderWaitlistJoin(c, http.StatusUnprocessableEntity, date, f, false, s.translate(c, errs))
}

// waitlistForm is the join form as typed.
type waitlistForm struct {
	Name, Email, Company, Seats string
}

func (f waitlistForm) entry(dateID uint, lang string) (model.WaitlistEntry, form.Errors) {
	errs := form.Errors{}
	name, email := strings.TrimSpace(f.Name), strings.TrimSpace(f.Email)
	if name == "" || len(name) > 200 {
		errs["name"] = "error.required"
	}
	if !form.ValidEmail(email) {
		errs["email"] = "error.email"
	}
	if len(f.Company) > 200 {
		errs["company"] = "error.too_long"
	}
	seats, err := strconv.Atoi(strings.TrimSpace(f.Seats))
	if err != nil || seats < 1 {
		errs["seats"] = "waitlist.error.seats"
	}
	return model.WaitlistEntry{DateID: dateID, Name: name, Email: email, Company: strings.TrimSpace(f.Company), Seats: seats, Language: lang}, errs
}

func (s *Server) renderWaitlistJoin(c echo.Context, status int, date model.SeminarDate, f waitlistForm, joined bool, errs map[string]string) error {
	title := s.i18n.For(language(c)).T("waitlist.title")
	return s.render(c, status, pageWaitlistJoin, title, waitlistJoinData{Date: date, Form: f, Joined: joined}, errs)
}
