package demo

import (
	"context"
	"testing"
)

// TestSeedAsksQuestions: the demo catalogue has one seminar whose attendees are asked questions,
// of every kind, required and not, and sensitive ones for the attendee page.
func TestSeedAsksQuestions(t *testing.T) {
	ctx := context.Background()
	loc, now := wednesdayMorning(t)
	st := seededStore(t, now, loc)
	id, err := st.SeminarIDBySlug(ctx, questionsSlug)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := st.QuestionsForSeminar(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	kinds, required, sensitive := map[string]bool{}, 0, 0
	for i, q := range qs {
		if q.Position != i {
			t.Errorf("question %d %q at position %d", i, q.LabelDE, q.Position)
		}
		if q.LabelEN == "" {
			t.Errorf("question %q has no English text", q.LabelDE)
		}
		if len(q.Options()) != len(q.LabelledOptions("en")) {
			t.Errorf("question %q: options differ between languages", q.LabelDE)
		}
		kinds[string(q.Kind)] = true
		if q.Required {
			required++
		}
		if q.Sensitive {
			sensitive++
		}
	}
	if len(kinds) != 3 || required == 0 || sensitive < 2 {
		t.Errorf("demo questions: kinds %v, %d required, %d sensitive; want every kind, some required, dietary and accessibility sensitive", kinds, required, sensitive)
	}
}
