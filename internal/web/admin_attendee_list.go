package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/store"
)

// adminAttendeeList shows who is booked on a date, printable, with a check-in button per person
// (on the date's days; a multi-day date counts each day) and an undo for a mistaken tap.
func (s *Server) adminAttendeeList(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	r := readPage(c, adminPerPage, adminPerPage)
	if r.Invalid != nil {
		return pageRedirect(c, r)
	}
	rows, pg, counts, err := s.attendeePage(c, d.ID, r)
	if err != nil {
		return err
	}
	if pg.pastEnd() {
		// A page past the end (a hand-edited URL, or people cancelled meanwhile): the last page,
		// which its previous link names. The API answers such a page empty, as clients expect.
		return redirect(c, pg.Prev)
	}
	waiting, err := s.store.WaitlistForDate(ctx, d.ID)
	if err != nil {
		return err
	}
	data := attendeeListData{Date: d, Rows: rows, Waitlist: waiting, Notice: c.QueryParam("done"),
		Days: len(d.Sessions(s.cfg.Location)), CheckIns: map[uint]map[string]bool{},
		Total: int(counts.Total), CheckedIn: int(counts.CheckedIn), Pager: pg}
	if today, open := d.CheckInSession(s.now(), s.cfg.Location); open {
		data.Today = today.Day
	}
	attendees := make([]model.Attendee, 0, len(rows))
	ids := make([]uint, 0, len(rows))
	for _, r := range rows {
		attendees, ids = append(attendees, r.Attendee), append(ids, r.Attendee.ID)
	}
	checkIns, err := s.store.CheckInsOfAttendees(ctx, d.ID, ids)
	if err != nil {
		return err
	}
	for _, ci := range checkIns {
		if data.CheckIns[ci.AttendeeID] == nil {
			data.CheckIns[ci.AttendeeID] = map[string]bool{}
		}
		data.CheckIns[ci.AttendeeID][ci.Day] = true
	}
	if data.Sheet, err = s.answerSheetFor(ctx, d.SeminarID, attendees...); err != nil {
		return err
	}
	title := s.i18n.For(language(c)).T("admin.attendees.title")
	data.Decision = s.runDecision(d, c.QueryParam("confirmed") == "1")
	return s.render(c, http.StatusOK, pageAdminAttendees, title, data, nil)
}

// attendeePage reads page r of a date's attendee list, by name, with the links to its neighbours.
func (s *Server) attendeePage(c echo.Context, dateID uint, r pageRequest) ([]attendeeRow, pager, store.DateAttendeeCounts, error) {
	ctx := c.Request().Context()
	attendees, bookings, counts, err := s.store.AttendeesOfDatePage(ctx, dateID, r.offset(), r.PerPage)
	if err != nil {
		return nil, pager{}, counts, err
	}
	rows := make([]attendeeRow, 0, len(attendees))
	for _, a := range attendees {
		rows = append(rows, attendeeRow{Attendee: a, Booking: bookings[a.BookingID]})
	}
	return rows, newPager(c.Request().URL.Path, c.QueryParams(), r, counts.Total), counts, nil
}

// runDecision is the run decision of d at the server's now.
func (s *Server) runDecision(d model.SeminarDate, confirmed bool) runDecisionView {
	now, days := s.now(), s.decisions.Days()
	v := runDecisionView{Due: d.DecisionDue(now, days), CanConfirm: d.CanConfirmRun(now), Confirmed: confirmed}
	if days > 0 {
		v.From = d.DecisionFrom(days)
	}
	return v
}
