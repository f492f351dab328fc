package privacy_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestFeedbackInExportAndErasure: a person's survey answer and consent are in their export by
// e-mail address, and erasing them deletes both — their quote leaves the seminar page — while
// another attendee's feedback stays.
func TestFeedbackInExportAndErasure(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		e := newEnv(t, st, clk)
		res := e.book(maxBooker, erika, otto)
		b := res.Booking
		date, err := st.DateByID(e.ctx, b.DateID)
		if err != nil {
			t.Fatal(err)
		}
		clk.Set(date.StartsAt.Add(time.Hour))
		for _, a := range b.Attendees {
			err := st.WithTx(e.ctx, func(tx *store.Tx) error {
				_, err := tx.CheckInAttendee(e.ctx, date.ID, a.ID, date.StartsAt.In(storetest.Berlin()).Format(time.DateOnly), clk.Now(), "test")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if err := e.a.Feedback.SetConsent(e.ctx, a, true, model.ConsentAttendeePage); err != nil {
				t.Fatal(err)
			}
		}
		clk.Set(date.EndsAt.Add(time.Hour))
		for _, a := range b.Attendees {
			fresh, booking, err := st.AttendeeByID(e.ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			in := model.FeedbackAnswer{Content: 5, Trainer: 5, Organisation: 4, Comment: "Zitat von " + a.FirstName, QuoteConsent: true}
			if err := e.a.Feedback.Answer(e.ctx, fresh, booking, in); err != nil {
				t.Fatal(err)
			}
		}
		e.settle(b)
		// A consent Erika gave for a seat that was cancelled since: its attendee row is gone.
		gone := model.FeedbackConsent{AttendeeID: 99999, Email: strings.ToUpper(erika.email), ConsentedAt: clk.Now(), Source: model.ConsentAttendeePage}
		if err := st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.SetFeedbackConsent(e.ctx, gone) }); err != nil {
			t.Fatal(err)
		}

		export, err := e.a.Privacy.ExportPerson(e.ctx, erika.email)
		if err != nil {
			t.Fatal(err)
		}
		if len(export.Feedback) != 1 || export.Feedback[0].Comment != "Zitat von Erika" || export.Feedback[0].QuoteSignature != "Erika T." {
			t.Errorf("export feedback %+v, want Erika's answer only", export.Feedback)
		}
		if len(export.FeedbackConsents) != 2 || export.FeedbackConsents[0].BookingReference != b.Reference {
			t.Errorf("export consents %+v, want Erika's on %s and the one of her cancelled seat", export.FeedbackConsents, b.Reference)
		}

		erased, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", erika.email)
		if err != nil {
			t.Fatal(err)
		}
		if erased.Feedback != 3 {
			t.Errorf("erasure deleted %d feedback rows, want 3 (answer and two consents)", erased.Feedback)
		}
		if left, err := st.FeedbackConsentsByEmail(e.ctx, erika.email); err != nil || len(left) != 0 {
			t.Errorf("consents left for the erased address: %v, %v", left, err)
		}
		quotes, err := e.a.Feedback.Quotes(e.ctx, date.SeminarID, 10)
		if err != nil || len(quotes) != 1 || quotes[0].Comment != "Zitat von Otto" {
			t.Errorf("quotes after the erasure: %+v, %v; want Otto's only", quotes, err)
		}
		if _, err := st.FeedbackOf(e.ctx, b.Attendees[0].ID, date.ID); err == nil {
			t.Error("Erika's answer is still stored")
		}
	})
}
