// Package privacy holds the data-protection use cases: the export of everything stored about a
// booking or about one e-mail address (Art. 15 and 20 GDPR), the erasure of a person (Art. 17)
// that leaves issued invoices and credit notes as they are for their legal retention period
// (§ 147 AO, § 14b UStG), and the daily retention job that deletes what is kept no longer.
// Each action opens one transaction; erasure writes its audit entry in it.
package privacy

import (
	"context"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Settings are the retention periods (the retention_* settings, shown on the privacy page).
type Settings struct {
	WaitlistMonths      int
	InquiryMonths       int
	MailDays            int // bodies of mails that are not business letters
	BusinessLetterYears int // bodies of business letters (confirmations, invoices, cancellations)
	InvoiceYears        int // invoices and credit notes, from the end of the calendar year of issue
	// SessionIdle ends back-office sessions unused this long (they also end at their absolute
	// end); SignInWindow is how long a failed sign-in counts, so its record is kept that long.
	SessionIdle  time.Duration
	SignInWindow time.Duration
	// Location decides the calendar day of the daily run and the calendar year of retention.
	Location *time.Location
}

// Service runs the data-protection use cases.
type Service struct {
	store *store.Store
	s     Settings
	now   func() time.Time
}

// New returns the service over st.
func New(st *store.Store, s Settings, now func() time.Time) *Service {
	if s.Location == nil {
		s.Location = time.UTC
	}
	return &Service{store: st, s: s, now: now}
}

// Settings returns the retention periods the service works with.
func (s *Service) Settings() Settings { return s.s }

// account returns what is open on a booking.
func account(ctx context.Context, q store.Reads, b model.Booking) (model.Account, error) {
	return q.AccountOfBooking(ctx, b.ID)
}
