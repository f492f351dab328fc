package web

import (
	"context"

	"seminars/internal/booking"
)

// attendeeChangeJSON is the answer to adding or cancelling one attendee: the person, the
// booking's new totals and money state, the fee kept and the documents the correction issued.
type attendeeChangeJSON struct {
	Reference             string           `json:"reference"`
	Attendee              attendeeIDJSON   `json:"attendee"`
	Seats                 int              `json:"seats"`
	TotalGrossCents       int64            `json:"total_gross_cents"`
	FeeCents              int64            `json:"fee_cents"`
	AmountDueCents        int64            `json:"amount_due_cents"`
	AmountRefundableCents int64            `json:"amount_refundable_cents"`
	CreditNote            string           `json:"credit_note,omitempty"`
	Invoice               string           `json:"invoice,omitempty"`
	Attendees             []attendeeIDJSON `json:"attendees"`
}

// attendeeIDJSON is an attendee with the id the cancel path takes.
type attendeeIDJSON struct {
	ID        uint   `json:"id"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	Email     string `json:"email"`
}

func (s *Server) attendeeChangeView(ctx context.Context, ch booking.AttendeeChange) (attendeeChangeJSON, error) {
	a, err := s.store.AccountOfBooking(ctx, ch.After.ID)
	if err != nil {
		return attendeeChangeJSON{}, err
	}
	v := attendeeChangeJSON{
		Reference: ch.After.Reference, Seats: ch.After.Seats, TotalGrossCents: ch.After.GrossCents, FeeCents: ch.FeeCents,
		AmountDueCents: a.AmountDue, AmountRefundableCents: a.AmountRefundable,
		CreditNote: ch.Correction.CreditNote.Number, Invoice: ch.Correction.Invoice.Number,
		Attendee:  attendeeIDJSON{ch.Attendee.ID, ch.Attendee.FirstName, ch.Attendee.LastName, ch.Attendee.Email},
		Attendees: []attendeeIDJSON{},
	}
	for _, x := range ch.After.Attendees {
		v.Attendees = append(v.Attendees, attendeeIDJSON{x.ID, x.FirstName, x.LastName, x.Email})
	}
	return v, nil
}
