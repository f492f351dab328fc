package web

import (
	"context"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
)

// seedAnsweredFeedback stores an answer of b's first attendee on b's date, as if given on the
// survey page, with a quote when signature is set.
func seedAnsweredFeedback(t *testing.T, st *store.Store, b model.Booking, comment, signature string) model.Feedback {
	t.Helper()
	ctx := context.Background()
	at := b.CreatedAt.UTC()
	attendee, date := b.Attendees[0].ID, b.DateID
	d, err := st.DateByID(ctx, date)
	if err != nil {
		t.Fatal(err)
	}
	f := model.Feedback{AttendeeID: &attendee, DateID: &date, SeminarID: d.SeminarID, AnsweredAt: &at,
		ContentRating: 5, TrainerRating: 4, OrganisationRating: 4, Comment: comment, QuoteConsent: signature != "", QuoteSignature: signature}
	if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.SaveFeedbackAnswer(ctx, &f) }); err != nil {
		t.Fatal(err)
	}
	return f
}
