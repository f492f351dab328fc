package web

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// bookingDetailData is the booking detail page: everything about one booking and what can be
// done with it.
type bookingDetailData struct {
	Booking   model.Booking
	Account   model.Account
	Money     string // where the money stands in words ("" when nothing is open)
	Payments  []model.Payment
	Documents []detailDocument
	Mails     []detailMail
	Timeline  []timelineEntry
	// IsOwner shows the owners' actions (cancel, record a payment); HoldsSeats the actions on a
	// booking that still has its seats (move, edit billing, substitute); Confirmed the re-send.
	IsOwner    bool
	HoldsSeats bool
	Confirmed  bool
	Started    bool // the date has begun: no more substitutions
	Today      string
	Methods    []model.LedgerMethod
	Notice     string
	// ManageURL is the booker's manage page, shown again to owners (a derived link; "" for a
	// booking whose old random link only the booker has).
	ManageURL string
	// Sheet holds the seminar's questions and each attendee's answers.
	Sheet answerSheet
	// AttendeePages are the attendees' pages (attendee id → path), for the demo's example
	// booking only: its attendee gets no mail that carries the secret link, and the demo should
	// show the page with its materials. Real attendees' pages stay in their mails only.
	AttendeePages map[uint]string
}

// detailDocument is one issued document (or certificate) with where to get it and how to send
// it again.
type detailDocument struct {
	Kind       string // invoice, credit_note, certificate
	Number     string
	Original   string // the invoice a credit note cancels
	For        string // a certificate's attendee
	IssuedAt   time.Time
	GrossCents int64
	PDF, XML   string // download links ("" when there is no such file)
	Send       string // where "send again" posts
}

// bookingReference is what a reference can look like; anything else is refused before the
// database is asked.
var bookingReference = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{0,19}$`)

// adminBookingShow is the booking detail page (/admin/bookings/{reference}): billing data,
// attendees with their check-in, the money, payments, documents, mails and a timeline of
// everything that happened, with the actions the signed-in role may take. An unknown
// reference is the 404 page; one that cannot be a reference is a 400 saying so.
func (s *Server) adminBookingShow(c echo.Context) error {
	return s.renderBookingDetail(c, http.StatusOK, c.Param("reference"), nil)
}

// renderBookingDetail renders the detail page with status, and with messages for a form on it.
func (s *Server) renderBookingDetail(c echo.Context, status int, reference string, errs map[string]string) error {
	ctx := c.Request().Context()
	t := s.i18n.For(language(c))
	ref := strings.ToUpper(strings.TrimSpace(reference))
	if !bookingReference.MatchString(ref) {
		return s.render(c, http.StatusBadRequest, pageError, t.T("admin.detail.bad_reference"), nil, nil)
	}
	b, err := s.store.BookingByReference(ctx, ref)
	if errors.Is(err, model.ErrNotFound) {
		return s.render(c, http.StatusNotFound, pageError, t.T("admin.detail.unknown", "Reference", ref), nil, nil)
	}
	if err != nil {
		return err
	}
	docs, err := s.store.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	payments, err := s.store.PaymentsForBooking(ctx, b.ID)
	if err != nil {
		return err
	}
	items, err := s.store.OutboxOfBooking(ctx, b)
	if err != nil {
		return err
	}
	audit, err := s.store.AuditForSubjects(ctx, []string{"booking " + b.Reference, b.Reference})
	if err != nil {
		return err
	}
	money, err := s.moneyOf(ctx, t, []model.Booking{b})
	if err != nil {
		return err
	}
	user, _ := staff(c)
	d := bookingDetailData{
		Booking: b, Account: model.AccountOf(docs, payments), Money: money.Lines[b.ID], Payments: payments,
		Documents: detailDocuments(b, docs), Mails: detailMails(items),
		Timeline: s.timeline(t, b, docs, payments, items, audit),
		IsOwner:  user.IsOwner(), HoldsSeats: model.HoldsSeats(b.Status), Confirmed: b.Status == model.BookingConfirmed,
		Started: b.Date != nil && !s.now().Before(b.Date.StartsAt),
		Today:   s.now().In(s.bookings.Location()).Format(time.DateOnly), Methods: model.RecordableMethods,
		Notice: c.QueryParam("done"),
	}
	if b.Date != nil {
		if d.Sheet, err = s.answerSheetFor(ctx, b.Date.SeminarID, b.Attendees...); err != nil {
			return err
		}
	}
	if b.IsDemo() {
		d.AttendeePages = map[uint]string{}
		for _, a := range b.Attendees {
			d.AttendeePages[a.ID] = localized(b.Language, "/a/"+s.secrets.AttendeeToken(a.ID, a.SecretRotation))
		}
	}
	if token, ok := s.bookings.CurrentManageToken(b); ok && user.IsOwner() {
		d.ManageURL = localized(b.Language, "/b/"+b.Reference) + "?t=" + token
	}
	return s.render(c, status, pageAdminBooking, t.T("admin.detail.title", "Reference", b.Reference), d, errs)
}

// detailDocuments lists the booking's invoices and credit notes, then a certificate for each
// checked-in attendee.
func detailDocuments(b model.Booking, docs []model.Invoice) []detailDocument {
	base := "/admin/bookings/" + b.Reference
	out := make([]detailDocument, 0, len(docs)+len(b.Attendees))
	for _, inv := range docs {
		d := detailDocument{Kind: docInvoice, Number: inv.Number, IssuedAt: inv.IssuedAt, GrossCents: inv.GrossCents,
			PDF: "/admin/invoices/" + inv.Number + "/pdf", XML: "/admin/invoices/" + inv.Number + "/xml",
			Send: base + "/documents/" + inv.Number + "/send"}
		if inv.IsCreditNote() {
			d.Kind, d.Original = docCreditNote, inv.OriginalNumber
		}
		out = append(out, d)
	}
	for _, a := range b.Attendees {
		if a.CheckedInAt != nil {
			id := strconv.FormatUint(uint64(a.ID), 10)
			out = append(out, detailDocument{Kind: docCertificate, For: a.FullName(), IssuedAt: *a.CheckedInAt,
				PDF: base + "/certificates/" + id, Send: base + "/certificates/" + id + "/send"})
		}
	}
	return out
}

// bookingDetailPath is the detail page of a booking, with the notice of what was just done.
func bookingDetailPath(reference, done string) string {
	return "/admin/bookings/" + reference + "?done=" + done
}

// fromDetail tells whether a form was sent from the booking detail page, which it then returns
// to (the same forms on the booking list return to the list).
func fromDetail(c echo.Context) bool { return c.FormValue("return") == "detail" }
