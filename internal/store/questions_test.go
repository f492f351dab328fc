package store_test

import (
	"context"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestQuestionsAndAnswers walks a seminar's questions through their changes on both databases:
// a kept question keeps its answers, a changed kind or a question turned sensitive drops those
// that no longer fit (or lack consent), a question left out goes with its answers, and an
// attendee's answers go when their seat goes to someone else or they are removed.
func TestQuestionsAndAnswers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{})
		b := seedBooking(t, st, date, "QST-1", "Muster GmbH", "Anna", "Ben")
		anna, ben := b.Attendees[0].ID, b.Attendees[1].ID
		write := func(name string, fn func(tx *store.Tx) error) {
			t.Helper()
			if err := st.WithTx(ctx, fn); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		qs := []model.SeminarQuestion{
			{Kind: model.QuestionText, LabelDE: "Funktion"},
			{Kind: model.QuestionYesNo, LabelDE: "Kanal?"},
			{Kind: model.QuestionText, LabelDE: "Ernährung"},
			{Kind: model.QuestionText, LabelDE: "Weg damit"},
		}
		write("create", func(tx *store.Tx) error { return tx.ReplaceQuestions(ctx, date.SeminarID, qs) })
		answers := model.Answers{qs[0].ID: "Leitung", qs[1].ID: "yes", qs[2].ID: "vegan", qs[3].ID: "x"}
		write("answer", func(tx *store.Tx) error {
			if err := tx.SaveAnswers(ctx, anna, qs, answers, nil); err != nil {
				return err
			}
			return tx.SaveAnswers(ctx, ben, qs, answers, nil)
		})
		changed := []model.SeminarQuestion{qs[0], qs[1], qs[2], {Kind: model.QuestionText, LabelDE: "Neu"}}
		changed[0].LabelDE = "Funktion im Unternehmen" // kept with its answers
		changed[1].Kind = model.QuestionText           // another kind: answers dropped
		changed[2].Sensitive = true                    // given without consent: dropped
		write("change", func(tx *store.Tx) error { return tx.ReplaceQuestions(ctx, date.SeminarID, changed) })
		stored, err := st.QuestionsForSeminar(ctx, date.SeminarID)
		if err != nil || len(stored) != 4 || stored[0].ID != qs[0].ID || stored[0].LabelDE != "Funktion im Unternehmen" || stored[3].LabelDE != "Neu" {
			t.Fatalf("questions after the change: %+v, %v", stored, err)
		}
		got, _ := st.AnswersOf(ctx, anna)
		if len(got[anna]) != 1 || got[anna][qs[0].ID] != "Leitung" {
			t.Errorf("answers after the change: %v, want only the job title", got[anna])
		}

		write("substitute", func(tx *store.Tx) error { return tx.ReplaceAttendee(ctx, anna, "Cara", "Neu", "cara@example.com") })
		write("remove", func(tx *store.Tx) error { return tx.RemoveAttendee(ctx, b.ID, ben) })
		got, err = st.AnswersOf(ctx, anna, ben)
		if err != nil || len(got) != 0 {
			t.Errorf("answers after substitution and removal: %v, %v", got, err)
		}
	})
}
