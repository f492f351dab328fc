package web

import (
	"seminars/internal/booking"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/web/form"
)

// Data the back-office page templates receive in Page.Data.

type loginData struct {
	Email   string
	Problem string
	// PasswordReset says a new password was just set with a mailed link.
	PasswordReset bool
}

type dashboardData struct {
	Dates         []model.SeminarDate
	OpenInvoices  store.OpenItems // what bookings owe: open items, their sum, the overdue ones
	OpenInquiries int64
	Fill          fillChart
	Seats         columnChart     // seats booked per month
	Revenue       columnChart     // net revenue per month
	Attention     []model.Booking // refunded late payments and failed refunds to deal with
	Parked        []parkedTopic   // background items parked as failed, by topic
	CanHandle     bool            // owners mark them handled
	Notice        string
	// Decisions are the dates below their minimum whose run decision is due.
	Decisions []model.SeminarDate
}

type seminarListData struct {
	Seminars []store.AdminSeminarRow // one page, each with its date count
	Pager    pager
}

type seminarFormData struct {
	Seminar   model.Seminar // ID 0 for a new seminar
	Form      form.Seminar
	Price     string // default price in euros as typed
	Functions []string
	Saved     bool
	// GroupPercent is the own rule's percentage as typed (or as stored), GlobalGroup the service's
	// rule the "global" choice stands for.
	GroupPercent string
	GlobalGroup  model.GroupRule
}

// QuestionRows are the question rows the seminar form shows: the seminar's (or those typed)
// and BlankQuestionRows empty ones to add a question.
func (d seminarFormData) QuestionRows() []form.Question {
	rows := append([]form.Question{}, d.Form.Questions...)
	for range form.BlankQuestionRows {
		rows = append(rows, form.Question{Kind: string(model.QuestionText)})
	}
	return rows
}

// QuestionKinds are the kinds of question the form offers.
func (d seminarFormData) QuestionKinds() []model.QuestionKind { return model.QuestionKinds }

type dateFormData struct {
	Seminar model.Seminar
	Date    model.SeminarDate // ID 0 for a new date
	Form    form.Date
	Problem string
	// Venues and Trainers are the records the form offers to pick.
	Venues   []model.Venue
	Trainers []model.Trainer
}

type bookingListData struct {
	Query       string
	Bookings    []model.Booking
	CanMarkPaid bool
	Notice      string
	OpenOnly    bool // only bookings that owe money (open items)
	OverdueOnly bool // only open items whose invoice is past its due date
	// Settlements say where a booking's money stands, by booking id (settlementLines): the
	// cancelled ones' settlement, the others' amount due or refundable.
	Settlements map[uint]string
	// Accounts are the bookings' money states by id (amount due and refundable).
	Accounts map[uint]model.Account
	// Reminders counts the payment reminders each booking was sent, by booking id.
	Reminders map[uint]int
	// Today is the payment form's default day (YYYY-MM-DD in the service's time zone).
	Today string
	// Methods are the methods a payment can be recorded with.
	Methods []model.LedgerMethod
}

// Due is what booking id owes now (the "mark paid" amount); 0 for none.
func (d bookingListData) Due(id uint) int64 { return d.Accounts[id].AmountDue }

type attendeeListData struct {
	Date      model.SeminarDate
	Rows      []attendeeRow // this page of the list
	Total     int           // attendees on the whole list
	CheckedIn int           // of the whole list
	Pager     pager
	Waitlist  []model.WaitlistEntry
	// Notice is the outcome of the last check-in or undo (checkin.done.*).
	Notice string
	// Days is how many days the date has; Today the day check-in counts for now ("" outside
	// the date's days); CheckIns the days each attendee was checked in on, by attendee id.
	Days     int
	Today    string
	CheckIns map[uint]map[string]bool
	// Decision is the date's run decision: due, when it falls due, whether it can be confirmed.
	Decision runDecisionView
	// Sheet holds the seminar's questions and each attendee's answers.
	Sheet answerSheet
}

// runDecisionView is what the date page shows about its run decision.
type runDecisionView struct {
	Due        bool
	From       time.Time // when the decision falls due (zero when the setting is off)
	CanConfirm bool
	Confirmed  bool // just confirmed: the notice after the redirect
}

// DaysCheckedIn is on how many days attendee id was checked in.
func (d attendeeListData) DaysCheckedIn(id uint) int { return len(d.CheckIns[id]) }

// CheckedInToday tells whether attendee id was checked in for today's day of the date.
func (d attendeeListData) CheckedInToday(id uint) bool {
	return d.Today != "" && d.CheckIns[id][d.Today]
}

type auditData struct {
	Entries []model.AuditEntry
}

type inquiryData struct {
	Form form.Inquiry
	Sent bool
}

type inquiryListData struct {
	Inquiries []model.InhouseInquiry
	// Offers are the offers written for each inquiry, by inquiry id.
	Offers map[uint][]model.Offer
}

type waitlistJoinData struct {
	Date   model.SeminarDate
	Form   form.Waitlist
	Joined bool
}

// waitlistLeaveData is the leave link's page: the entry, its date, and whether it just left
// (Left) or still stands in line (InLine; otherwise it is out of line for another reason).
type waitlistLeaveData struct {
	Entry        model.WaitlistEntry
	Date         model.SeminarDate
	Left, InLine bool
	Action       string // the form's path, before the language prefix
}

type waitlistOfferData struct {
	Entry     model.WaitlistEntry
	Date      model.SeminarDate
	Form      form.Booking
	Open      bool
	Problem   string
	Token     string
	Countries []string
}

type adminCancelData struct {
	Booking  model.Booking
	Refund   int64
	Possible bool
	// Policy is what the cancellation policy would keep and refund now; PolicyOpen tells whether
	// it still allows cancelling (before the date starts).
	Policy     booking.CancellationQuote
	PolicyOpen bool
}

type dateCancelData struct {
	Date     model.SeminarDate
	Bookings []model.Booking
	People   int
	Refunds  int64
	Possible bool
}

type moveData struct {
	Booking  model.Booking
	Targets  []model.SeminarDate
	Problem  string
	Possible bool
	Attendee string // the attendee chosen in advance (the detail page's "move this attendee")
	Return   string // "detail" when the form returns to the booking detail page
}

type accessData struct {
	Users        []model.StaffUser
	Tokens       []model.APIToken
	NewEmail     string
	NewRole      string
	NewToken     string // shown once, right after it was made
	NewTokenName string
	Notice       string
}
