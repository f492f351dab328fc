package app_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestRunDecisionJobMailsTheTrainer: the jobs the service runs include the run decision, wired
// to decision_days. A date below its minimum gets no mail before its window and one "decision
// due" mail to the owner inside it, however often the job runs; a date that reached its minimum
// gets none.
func TestRunDecisionJobMailsTheTrainer(t *testing.T) {
	clk := storetest.NewClock(t)
	st := storetest.SQLiteAt(t, clk)
	a := apptest.NewWith(t, st, apptest.Config(t, "SEMINARS_DECISION_DAYS=10"), clk.Now, slog.New(slog.DiscardHandler))
	ctx := context.Background()
	if _, err := a.Auth.AddUser(ctx, "trainer@example.com", model.RoleOwner, "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	below := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 4, StartsIn: 15 * 24 * time.Hour, Clock: clk})
	reached := storetest.SeedDate(t, st, storetest.DateOptions{MinParticipants: 1, StartsIn: 15 * 24 * time.Hour, Clock: clk})
	seedConfirmedSeat(t, st, reached)

	var runDecision func(context.Context, time.Time) (bool, error)
	for _, j := range a.Jobs() {
		if j.Name == "run_decision" {
			runDecision = j.Round
		}
	}
	if runDecision == nil {
		t.Fatal("the service does not run the run decision job")
	}
	round := func() {
		t.Helper()
		if _, err := runDecision(ctx, clk.Now()); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the event, then its message
			if err := a.Mail.RunOnce(ctx, clk.Now()); err != nil {
				t.Fatal(err)
			}
		}
	}
	decisionMails := func() []string {
		t.Helper()
		items, err := st.ListOutbox(ctx, store.OutboxFilter{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		var subjects []string
		for _, it := range items {
			var m struct {
				To      struct{ Email string } `json:"to"`
				Kind    string                 `json:"kind"`
				Subject string                 `json:"subject"`
			}
			if it.Topic == model.TopicMailSend && json.Unmarshal([]byte(it.Payload), &m) == nil && m.Kind == "owner_decision_due" {
				if m.To.Email != "trainer@example.com" {
					t.Errorf("decision mail to %s", m.To.Email)
				}
				subjects = append(subjects, m.Subject)
			}
		}
		return subjects
	}

	round() // 15 days ahead: before the 10-day window
	if got := decisionMails(); len(got) != 0 {
		t.Fatalf("decision mails before the window: %v", got)
	}
	clk.Advance(6 * 24 * time.Hour) // 9 days ahead
	round()
	clk.Advance(time.Hour)
	round()
	got := decisionMails()
	if len(got) != 1 || !strings.Contains(got[0], below.Seminar.TitleDE) {
		t.Fatalf("decision mails %v, want one about the date below its minimum (%d), none about %d", got, below.ID, reached.ID)
	}
}

// seedConfirmedSeat stores a confirmed booking of one seat on d, as a sold invoice booking is.
func seedConfirmedSeat(t *testing.T, st *store.Store, d model.SeminarDate) {
	t.Helper()
	ctx := context.Background()
	b := model.Booking{Reference: "SEM-RUN001", ManageTokenHash: "x", DateID: d.ID, Status: model.BookingConfirmed,
		PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid, Seats: 1, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Erika Muster", Email: "erika@muster.example", Country: "DE"}}
	if err := st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.TakeSeats(ctx, d.ID, 1); err != nil {
			return err
		}
		return tx.CreateBooking(ctx, &b)
	}); err != nil {
		t.Fatal(err)
	}
}
