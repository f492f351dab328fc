package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// attendeePageData is what an attendee's own page shows.
type attendeePageData struct {
	Attendee model.Attendee
	Booking  model.Booking
	Date     model.SeminarDate
	Token    string
	Code     string
	// Cancelled: the booking or the date was cancelled; the page says so and offers no QR
	// code or calendar entry any more.
	Cancelled bool
	// Certificate: the attendee was checked in and the date is over, so the certificate of
	// attendance can be downloaded.
	Certificate bool
	// Days are the date's days (one for most dates) and DaysCheckedIn the ones the attendee
	// was checked in on.
	Days          []model.Session
	DaysCheckedIn map[string]bool
	// Materials are the seminar's files and links for this date: released ones to open, the
	// others with the day they come; none once the booking or the date is cancelled.
	Materials []attendeeMaterial
	// Feedback: may we ask for feedback after the date, and the survey once it is open.
	Feedback feedbackBlock
}

// attendeePageShow is GET /a/{token}: the attendee's own page — joining link or venue, the
// calendar entry, the check-in QR code, later the certificate, and the seminar's materials as
// they are released. The token in the path is the proof; a wrong or rotated one is a 404.
func (s *Server) attendeePageShow(c echo.Context) error {
	ctx := c.Request().Context()
	token := c.Param("token")
	a, b, err := s.attendeeByToken(ctx, token)
	if err != nil {
		return err
	}
	checkIns, err := s.store.CheckInsOfAttendee(ctx, b.DateID, a.ID)
	if err != nil {
		return err
	}
	d := *b.Date
	data := attendeePageData{
		Attendee: a, Booking: b, Date: d, Token: token, Code: s.secrets.AttendeeCode(a.ID, a.SecretRotation),
		Cancelled: b.Status == model.BookingCancelled || d.Status == model.DateCancelled,
		Days:      d.Sessions(s.cfg.Location), DaysCheckedIn: map[string]bool{},
	}
	for _, ci := range checkIns {
		data.DaysCheckedIn[ci.Day] = true
	}
	data.Certificate = !data.Cancelled && a.CheckedInAt != nil && !s.now().Before(d.EndsAt)
	if data.Feedback, err = s.feedbackBlock(ctx, a, b, c.QueryParam("consent") != ""); err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	if materialsOpen(b) {
		items, err := s.store.MaterialsForDate(ctx, d)
		if err != nil {
			return err
		}
		data.Materials = s.attendeeMaterials(items, d, token, t.Lang)
	}
	privateHeaders(c)
	return s.render(c, http.StatusOK, pageAttendee, t.T("attendee.title"), data, nil)
}

// privateHeaders keep a response whose URL carries a secret out of caches and referrers.
func privateHeaders(c echo.Context) {
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
}
