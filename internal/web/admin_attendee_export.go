package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminAttendeeExport downloads a date's attendee list as CSV for Excel: UTF-8 with a byte order
// mark (so umlauts survive), ";" as separator (German Excel's list separator), and every cell
// that a spreadsheet would run as a formula defused with a leading apostrophe. The seminar's
// questions follow the fixed columns, one column each.
func (s *Server) adminAttendeeExport(c echo.Context) error {
	d, bookings, err := s.adminDateBookings(c)
	if err != nil {
		return err
	}
	t := s.i18n.For(language(c))
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	w.UseCRLF = true
	header := []string{"admin.col.last_name", "admin.col.first_name", "field.email", "admin.col.company",
		"admin.col.reference", "admin.col.booking_status", "admin.col.payment", "admin.col.checked_in"}
	for i, key := range header {
		header[i] = t.T(key)
	}
	rows := attendeeRows(bookings)
	attendees := make([]model.Attendee, len(rows))
	for i, r := range rows {
		attendees[i] = r.Attendee
	}
	sheet, err := s.answerSheetFor(c.Request().Context(), d.SeminarID, attendees...)
	if err != nil {
		return err
	}
	for _, q := range sheet.Questions { // one column per question, after the fixed ones
		header = append(header, q.Label(t.Lang))
	}
	_ = w.Write(safeCells(header...))
	for _, r := range rows {
		checked := ""
		if r.CheckedInAt != nil {
			checked = r.CheckedInAt.In(s.cfg.Location).Format("2006-01-02 15:04")
		}
		cells := []string{r.LastName, r.FirstName, r.Email, r.Booking.Billing.Company, r.Booking.Reference,
			t.T("admin.booking_status." + string(r.Booking.Status)), t.T("admin.payment_status." + string(r.Booking.PaymentStatus)), checked}
		_ = w.Write(safeCells(append(cells, sheet.Cells(t.Lang, r.ID)...)...))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	name := fmt.Sprintf("attendees-%s-%d.csv", d.StartsAt.In(s.cfg.Location).Format("2006-01-02"), d.ID)
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}

// safeCells defuses spreadsheet formulas: a cell starting with = + - @ tab or CR gets a leading
// apostrophe, so "=cmd|' /C calc'!A0" is shown as text instead of run (OWASP CSV injection).
func safeCells(cells ...string) []string {
	for i, v := range cells {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			cells[i] = "'" + v
		}
	}
	return cells
}
