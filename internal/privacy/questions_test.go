package privacy_test

import (
	"testing"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// The date of the question tests ends late in the evening, so a run just before its end and
// one just after midnight are two days of the daily job.
var (
	questionsStart = storetest.InBerlin(2026, time.December, 10, 9, 0)
	questionsEnd   = storetest.InBerlin(2026, time.December, 10, 23, 30)
)

// bookWithQuestions books erika, answering the job title, on a date whose seminar asks it and
// the sensitive dietary needs; erika then answers those on her page with consent. It returns
// the booking and the two questions.
func (e *env) bookWithQuestions() (model.Booking, model.SeminarQuestion, model.SeminarQuestion) {
	e.t.Helper()
	date := storetest.SeedDate(e.t, e.st, storetest.DateOptions{StartsAt: questionsStart, EndsAt: questionsEnd, Clock: e.clk})
	qs := []model.SeminarQuestion{
		{Kind: model.QuestionText, LabelDE: "Funktion", LabelEN: "Job title"},
		{Kind: model.QuestionChoice, LabelDE: "Ernährung", LabelEN: "Diet", OptionsDE: "vegetarisch\nvegan", OptionsEN: "vegetarian\nvegan", Sensitive: true},
	}
	if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.ReplaceQuestions(e.ctx, date.SeminarID, qs) }); err != nil {
		e.t.Fatal(err)
	}
	req := booking.Request{DateID: date.ID, PaymentMethod: model.PaymentInvoice, Language: "de",
		Billing: model.Billing{Company: "Muster GmbH", Name: maxBooker.name(), Email: maxBooker.email, Street: "Hauptstraße 1",
			PostalCode: "10115", City: "Berlin", Country: "DE"},
		Attendees: []booking.AttendeeInput{{FirstName: erika.first, LastName: erika.last, Email: erika.email,
			Answers: model.Answers{qs[0].ID: "Teamleitung Vertrieb"}}}}
	res, err := e.a.Bookings.Reserve(e.ctx, req)
	if err != nil {
		e.t.Fatal(err)
	}
	b, err := e.st.BookingByReference(e.ctx, res.Booking.Reference)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.a.Bookings.SaveSensitiveAnswers(e.ctx, b.Attendees[0].ID, model.Answers{qs[1].ID: "vegan"}, true); err != nil {
		e.t.Fatal(err)
	}
	return b, qs[0], qs[1]
}

// answersOf returns erika's stored answers.
func (e *env) answersOf(b model.Booking) model.Answers {
	e.t.Helper()
	all, err := e.st.AnswersOf(e.ctx, b.Attendees[0].ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return all[b.Attendees[0].ID]
}

// TestRetentionDeletesSensitiveAnswersAfterTheDate runs the daily job just before the date ends
// and just after: the dietary answer goes once the date is over, the job title stays (it is not
// sensitive and goes with the booking's other data).
func TestRetentionDeletesSensitiveAnswersAfterTheDate(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		e := newEnv(t, st, clk)
		b, job, diet := e.bookWithQuestions()
		for _, run := range []struct {
			name      string
			at        time.Time
			wantDiet  string
			wantCount int64
		}{
			{"a minute before the end", questionsEnd.Add(-time.Minute), "vegan", 0},
			{"after midnight", questionsEnd.Add(31 * time.Minute), "", 1},
		} {
			clk.Set(run.at)
			r, ran, err := e.a.Privacy.RunRetention(e.ctx, run.at)
			if err != nil || !ran {
				t.Fatalf("%s: ran %v, %v", run.name, ran, err)
			}
			got := e.answersOf(b)
			if got[diet.ID] != run.wantDiet || r.SensitiveAnswers != run.wantCount {
				t.Errorf("%s: diet %q (deleted %d), want %q (%d)", run.name, got[diet.ID], r.SensitiveAnswers, run.wantDiet, run.wantCount)
			}
			if got[job.ID] != "Teamleitung Vertrieb" {
				t.Errorf("%s: job title %q, want it kept", run.name, got[job.ID])
			}
		}
	})
}

// TestExportAndErasureOfAnswers: the attendee's own export holds both answers and the time of
// consent; the booker's export of the booking leaves the sensitive one out; erasure deletes them.
func TestExportAndErasureOfAnswers(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		e := newEnv(t, st, clk)
		b, _, _ := e.bookWithQuestions()
		person, err := e.a.Privacy.ExportPerson(e.ctx, erika.email)
		if err != nil || len(person.Attendances) != 1 {
			t.Fatalf("export of erika: %v, %+v", err, person.Attendances)
		}
		got := map[string]string{}
		for _, a := range person.Attendances[0].Answers {
			got[a.Question] = a.Answer
			if a.Sensitive && a.ConsentedAt == nil {
				t.Errorf("sensitive answer %q without its consent time", a.Question)
			}
		}
		if got["Funktion"] != "Teamleitung Vertrieb" || got["Ernährung"] != "vegan" {
			t.Errorf("erika's export answers %v, want job title and diet", got)
		}
		booked, err := e.a.Privacy.ExportBooking(e.ctx, b)
		if err != nil || len(booked.Booking.Attendees) != 1 {
			t.Fatalf("booking export: %v", err)
		}
		for _, a := range booked.Booking.Attendees[0].Answers {
			if a.Sensitive {
				t.Errorf("the booker's export shows the sensitive answer %q", a.Question)
			}
		}
		if n := len(booked.Booking.Attendees[0].Answers); n != 1 {
			t.Errorf("booker's export has %d answers, want the job title only", n)
		}

		clk.Set(questionsEnd.Add(48 * time.Hour)) // over and settled: erika may be erased
		e.settle(b)
		if _, err := e.a.Privacy.Erase(e.ctx, "owner@example.com", erika.email); err != nil {
			t.Fatal(err)
		}
		if left := e.answersOf(b); len(left) != 0 {
			t.Errorf("answers after erasure: %v", left)
		}
	})
}
