package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// waitlistLeaveShow shows a leave link's entry with the button to leave, or that it is out of
// line already. No account: the link's secret is the proof.
func (s *Server) waitlistLeaveShow(c echo.Context) error {
	e, date, err := s.waitlistLeaving(c)
	if err != nil {
		return err
	}
	return s.renderWaitlistLeave(c, e, date, false)
}

// waitlistLeave takes the entry out of line; pressing it twice says the same.
func (s *Server) waitlistLeave(c echo.Context) error {
	if _, _, err := s.waitlistLeaving(c); err != nil {
		return err
	}
	id, _ := strconv.ParseUint(c.Param("entry"), 10, 32)
	e, err := s.waitlist.Leave(c.Request().Context(), uint(id), c.Param("token"))
	if err != nil {
		return err
	}
	date, err := s.store.DateByID(c.Request().Context(), e.DateID)
	if err != nil {
		return err
	}
	return s.renderWaitlistLeave(c, e, date, true)
}

// waitlistLeaving finds the entry of the link (404 for a wrong id or secret) and its date.
func (s *Server) waitlistLeaving(c echo.Context) (model.WaitlistEntry, model.SeminarDate, error) {
	id, err := strconv.ParseUint(c.Param("entry"), 10, 32)
	if err != nil {
		return model.WaitlistEntry{}, model.SeminarDate{}, model.ErrNotFound
	}
	e, err := s.waitlist.Leaving(c.Request().Context(), uint(id), c.Param("token"))
	if err != nil {
		return e, model.SeminarDate{}, err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	date, err := s.store.DateByID(c.Request().Context(), e.DateID)
	return e, date, err
}

func (s *Server) renderWaitlistLeave(c echo.Context, e model.WaitlistEntry, date model.SeminarDate, left bool) error {
	t := s.i18n.For(language(c))
	return s.render(c, http.StatusOK, pageWaitlistLeave, t.T("waitlist.leave.title"), waitlistLeaveData{
		Entry: e, Date: date, Left: left && e.Status == model.WaitlistWithdrawn, InLine: e.InLine(),
		Action: "/waitlist/leave/" + strconv.FormatUint(uint64(e.ID), 10) + "/" + c.Param("token"),
	}, nil)
}
