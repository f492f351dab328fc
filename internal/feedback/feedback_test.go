package feedback_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/feedback"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// fixture is one ended-soon date with five attendees in one booking: Anna, Ben and Eve checked
// in, Cleo not; Anna, Cleo and Eve agreed to be asked, Ben did not.
type fixture struct {
	t                         *testing.T
	ctx                       context.Context
	st                        *store.Store
	clk                       *storetest.Clock
	svc                       *feedback.Service
	date                      model.SeminarDate
	booking                   model.Booking
	anna, ben, cleo, eve, fay model.Attendee
}

const surveyDays = 14

func newFixture(t *testing.T, st *store.Store, clk *storetest.Clock) *fixture {
	t.Helper()
	f := &fixture{t: t, ctx: context.Background(), st: st, clk: clk, svc: feedback.New(st, feedback.Settings{Days: surveyDays}, clk.Now)}
	start := storetest.InBerlin(2026, time.December, 1, 9, 0)
	f.date = storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 10, StartsAt: start, EndsAt: start.Add(8 * time.Hour)})
	book := booking.New(st, booking.Settings{VATRateBP: 1900, InvoicePayment: true, HoldDuration: time.Hour, MaxAttendees: 20},
		clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	req := booking.Request{DateID: f.date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: "Bea Billing", Email: "billing@muster.example",
			Street: "Weg 2", PostalCode: "20095", City: "Hamburg", Country: "DE"}}
	for _, n := range []string{"Anna", "Ben", "Cleo", "Eve", "Fay"} {
		req.Attendees = append(req.Attendees, booking.AttendeeInput{FirstName: n, LastName: "Muster", Email: n + "@muster.example"})
	}
	res, err := book.Reserve(f.ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if f.booking, err = st.BookingByReference(f.ctx, res.Booking.Reference); err != nil {
		t.Fatal(err)
	}
	a := f.booking.Attendees
	f.anna, f.ben, f.cleo, f.eve, f.fay = a[0], a[1], a[2], a[3], a[4]
	clk.Set(start.Add(time.Hour)) // check-in happens on the day
	for _, who := range []model.Attendee{f.anna, f.ben, f.eve, f.fay} {
		err := st.WithTx(f.ctx, func(tx *store.Tx) error {
			_, err := tx.CheckInAttendee(f.ctx, f.date.ID, who.ID, "2026-12-01", clk.Now(), "test")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, who := range []model.Attendee{f.anna, f.cleo, f.eve, f.fay} {
		if err := f.svc.SetConsent(f.ctx, f.fresh(who), true, model.ConsentAttendeePage); err != nil {
			t.Fatal(err)
		}
	}
	// Fay's seat went to someone else on the same row: her consent is not theirs.
	if err := st.WithTx(f.ctx, func(tx *store.Tx) error { return tx.EraseAttendee(f.ctx, f.fay.ID, "Gus", "Neu", "gus@muster.example") }); err != nil {
		t.Fatal(err)
	}
	return f
}

// fresh reads an attendee and their booking again (check-ins change the row).
func (f *fixture) fresh(a model.Attendee) model.Attendee {
	f.t.Helper()
	got, _, err := f.st.AttendeeByID(f.ctx, a.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return got
}

func (f *fixture) bookingNow() model.Booking {
	f.t.Helper()
	b, err := f.st.BookingByReference(f.ctx, f.booking.Reference)
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

func (f *fixture) answer(a model.Attendee, in model.FeedbackAnswer) error {
	return f.svc.Answer(f.ctx, f.fresh(a), f.bookingNow(), in)
}

// feedbackRequests lists the survey mail events in the outbox, by attendee.
func (f *fixture) feedbackRequests() map[uint]int {
	f.t.Helper()
	items, err := f.st.ListOutbox(f.ctx, store.OutboxFilter{Limit: 500})
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[uint]int{}
	for _, item := range items {
		var p model.EventPayload
		if item.Topic != model.TopicMailEvent || json.Unmarshal([]byte(item.Payload), &p) != nil || p.Event != model.EventFeedbackRequest {
			continue
		}
		out[p.AttendeeID]++
	}
	return out
}

// TestRequestDue: the survey mail is recorded once per attendee and date, only for checked-in
// attendees whose consent is for their current address, only after the date and inside the
// survey period, and not for someone who answered on their page already — however often the job
// runs.
func TestRequestDue(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		f := newFixture(t, st, clk)
		end := f.date.EndsAt
		clk.Set(end.Add(time.Minute))
		if err := f.answer(f.eve, model.FeedbackAnswer{Content: 4, Trainer: 4, Organisation: 5}); err != nil {
			t.Fatal(err)
		}
		rounds := []struct {
			name string
			at   time.Time
			want int
		}{
			{"before the end", end.Add(-time.Minute), 0},
			{"after the end", end.Add(time.Hour), 1},
			{"the next hour", end.Add(2 * time.Hour), 0},
			{"a day later", end.Add(24 * time.Hour), 0},
		}
		for _, r := range rounds {
			n, err := f.svc.RequestDue(f.ctx, r.at)
			if err != nil || n != r.want {
				t.Errorf("%s: RequestDue = %d, %v; want %d", r.name, n, err, r.want)
			}
		}
		got := f.feedbackRequests()
		if len(got) != 1 || got[f.anna.ID] != 1 {
			t.Errorf("survey mails recorded %v, want one for Anna (%d) only", got, f.anna.ID)
		}
	})
}

// TestRequestDueOutsideThePeriod: a consent given after the survey period asks nobody.
func TestRequestDueOutsideThePeriod(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		f := newFixture(t, st, clk)
		n, err := f.svc.RequestDue(f.ctx, f.date.EndsAt.AddDate(0, 0, surveyDays).Add(time.Hour))
		if err != nil || n != 0 {
			t.Fatalf("RequestDue after the period = %d, %v; want 0", n, err)
		}
		off := feedback.New(st, feedback.Settings{Days: 0}, clk.Now)
		if n, err := off.RequestDue(f.ctx, f.date.EndsAt.Add(time.Hour)); err != nil || n != 0 {
			t.Fatalf("RequestDue with surveys off = %d, %v; want 0", n, err)
		}
	})
}

// TestAnswer: who may answer when, what is refused with which field, and that an edit changes
// the one row.
func TestAnswer(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		f := newFixture(t, st, clk)
		end := f.date.EndsAt
		good := model.FeedbackAnswer{Content: 5, Trainer: 4, Organisation: 3, Comment: "Sehr praxisnah.", QuoteConsent: true, QuoteRole: "Marketing"}
		cases := []struct {
			name    string
			at      time.Time
			who     model.Attendee
			in      model.FeedbackAnswer
			closed  bool
			invalid []string // fields refused
		}{
			{name: "before the end", at: end.Add(-time.Hour), who: f.anna, in: good, closed: true},
			{name: "not checked in", at: end.Add(time.Hour), who: f.cleo, in: good, closed: true},
			{name: "no rating", at: end.Add(time.Hour), who: f.anna, in: model.FeedbackAnswer{Content: 0, Trainer: 6, Organisation: 3}, invalid: []string{"content", "trainer"}},
			{name: "quote without comment", at: end.Add(time.Hour), who: f.anna, in: model.FeedbackAnswer{Content: 5, Trainer: 5, Organisation: 5, QuoteConsent: true}, invalid: []string{"comment"}},
			{name: "role with a line break", at: end.Add(time.Hour), who: f.anna, in: model.FeedbackAnswer{Content: 5, Trainer: 5, Organisation: 5, QuoteRole: "a\nb"}, invalid: []string{"quote_role"}},
			{name: "answer", at: end.Add(time.Hour), who: f.anna, in: good},
			{name: "edit", at: end.AddDate(0, 0, surveyDays).Add(-time.Minute), who: f.anna, in: model.FeedbackAnswer{Content: 4, Trainer: 4, Organisation: 4, Comment: "Geändert."}},
			{name: "after the period", at: end.AddDate(0, 0, surveyDays), who: f.anna, in: good, closed: true},
		}
		for _, c := range cases {
			clk.Set(c.at)
			err := f.answer(c.who, c.in)
			var invalid *model.ValidationError
			switch {
			case c.closed:
				if !errors.Is(err, model.ErrSurveyClosed) {
					t.Errorf("%s: %v, want ErrSurveyClosed", c.name, err)
				}
			case len(c.invalid) > 0:
				if !errors.As(err, &invalid) || len(invalid.Fields) != len(c.invalid) {
					t.Errorf("%s: %v, want fields %v refused", c.name, err, c.invalid)
					continue
				}
				for _, field := range c.invalid {
					if invalid.Fields[field] == "" {
						t.Errorf("%s: field %s not refused (%v)", c.name, field, invalid.Fields)
					}
				}
			case err != nil:
				t.Errorf("%s: %v", c.name, err)
			}
		}
		got, err := st.FeedbackOf(f.ctx, f.anna.ID, f.date.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ContentRating != 4 || got.Comment != "Geändert." || got.QuoteConsent || got.QuoteSignature != "" {
			t.Errorf("stored %+v, want the edit (4, no quote)", got)
		}
		all, err := st.AnsweredFeedbackPage(f.ctx, f.date.SeminarID, store.AnswerPage{Limit: 10})
		if err != nil || len(all) != 1 {
			t.Errorf("answers of the seminar: %d, %v; want one row", len(all), err)
		}
	})
}

// TestResultsAndQuotes: averages per date and seminar, and which quotes the seminar page shows.
func TestResultsAndQuotes(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		f := newFixture(t, st, clk)
		clk.Set(f.date.EndsAt.Add(time.Hour))
		if err := f.answer(f.anna, model.FeedbackAnswer{Content: 5, Trainer: 4, Organisation: 3, Comment: "Top.", QuoteConsent: true, QuoteRole: "Marketing"}); err != nil {
			t.Fatal(err)
		}
		if err := f.answer(f.eve, model.FeedbackAnswer{Content: 4, Trainer: 4, Organisation: 5, Comment: "Nur für uns."}); err != nil {
			t.Fatal(err)
		}
		results, err := f.svc.Results(f.ctx, 0, feedback.Page{DatesLimit: 10})
		if err != nil || len(results) != 1 {
			t.Fatalf("results %v, %v; want one seminar", results, err)
		}
		r := results[0]
		want := model.FeedbackSummary{Count: 2, Content: 4.5, Trainer: 4, Organisation: 4}
		if r.Summary != want || len(r.Dates) != 1 || r.Dates[0].Summary != want {
			t.Errorf("summary %+v, dates %+v; want %+v for the seminar and its date", r.Summary, r.Dates, want)
		}
		quotes, err := f.svc.Quotes(f.ctx, f.date.SeminarID, 6)
		if err != nil || len(quotes) != 1 || quotes[0].QuoteSignature != "Anna M., Marketing" {
			t.Fatalf("quotes %+v, %v; want Anna's, signed \"Anna M., Marketing\"", quotes, err)
		}
		if err := f.svc.SetQuoteHidden(f.ctx, "owner@example.com", quotes[0].ID, true); err != nil {
			t.Fatal(err)
		}
		if quotes, _ := f.svc.Quotes(f.ctx, f.date.SeminarID, 6); len(quotes) != 0 {
			t.Errorf("a hidden quote is still shown: %+v", quotes)
		}
		if err := f.svc.SetQuoteHidden(f.ctx, "owner@example.com", 99999, true); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("hiding an unknown quote: %v, want ErrNotFound", err)
		}
		if _, err := f.svc.Results(f.ctx, 99999, feedback.Page{}); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("results of an unknown seminar: %v, want ErrNotFound", err)
		}
	})
}

// TestConsent: given, read back for the seat's holder only, and withdrawn.
func TestConsent(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		f := newFixture(t, st, clk)
		cases := []struct {
			name string
			who  model.Attendee
			want bool
		}{
			{"given", f.anna, true},
			{"never given", f.ben, false},
			{"given by the seat's earlier holder", f.fay, false},
		}
		for _, c := range cases {
			got, err := f.svc.ConsentOf(f.ctx, f.fresh(c.who))
			if err != nil || got.Given != c.want {
				t.Errorf("%s: consent %+v, %v; want given=%v", c.name, got, err, c.want)
			}
		}
		if err := f.svc.SetConsent(f.ctx, f.fresh(f.anna), false, model.ConsentAttendeePage); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.svc.ConsentOf(f.ctx, f.fresh(f.anna)); got.Given {
			t.Error("withdrawn consent still counts")
		}
	})
}

// TestRequestDueAcrossInstances runs the survey job from two stores on one PostgreSQL schema
// (two instances of the service) at the same moment, several times: each attendee's survey is
// recorded once.
func TestRequestDueAcrossInstances(t *testing.T) {
	dsn := storetest.PostgresSchemaURL(t)
	clk := storetest.NewClock(t)
	var services []*feedback.Service
	var first *store.Store
	for range 2 {
		st, err := store.Open(t.Context(), dsn, clk.Option())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close() })
		if first == nil {
			first = st
		}
		services = append(services, feedback.New(st, feedback.Settings{Days: surveyDays}, clk.Now))
	}
	f := newFixture(t, first, clk)
	at := f.date.EndsAt.Add(time.Hour)
	total := 0
	var mu sync.Mutex
	for range 3 {
		var wg sync.WaitGroup
		for _, svc := range services {
			wg.Go(func() {
				n, err := svc.RequestDue(t.Context(), at)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				total += n
				mu.Unlock()
			})
		}
		wg.Wait()
	}
	if got := f.feedbackRequests(); total != 2 || len(got) != 2 || got[f.anna.ID] != 1 || got[f.eve.ID] != 1 {
		t.Fatalf("%d requests recorded, outbox %v; want one each for Anna and Eve", total, got)
	}
}
