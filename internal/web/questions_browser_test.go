package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestBrowserQuestionsSurviveRowsAndLanguage answers a seminar's questions in a real browser,
// adds a second attendee (htmx swaps the rows) and switches the language (a formaction submit):
// the answers stay each time, and the new row asks the questions too.
func TestBrowserQuestionsSurviveRowsAndLanguage(t *testing.T) {
	ctx := browser(t)
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 12})
	qs := []model.SeminarQuestion{
		{Kind: model.QuestionText, LabelDE: "Funktion", LabelEN: "Job title", Required: true},
		{Kind: model.QuestionYesNo, LabelDE: "Eigener Kanal?", LabelEN: "Own channel?"},
	}
	if err := st.WithTx(context.Background(), func(tx *store.Tx) error {
		return tx.ReplaceQuestions(context.Background(), date.SeminarID, qs)
	}); err != nil {
		t.Fatal(err)
	}
	ts := newServer(t, st)
	job := func(row int) string { return fmt.Sprintf(`input[name="attendees[%d].q%d"]`, row, qs[0].ID) }
	yes := fmt.Sprintf(`input[name="attendees[0].q%d"][value="yes"]`, qs[1].ID)
	kept := fmt.Sprintf(`document.querySelector('%s').value === 'Teamleitung' && document.querySelector('%s').checked`, job(0), yes)
	steps := []struct {
		name    string
		actions []chromedp.Action[chromedp.Void]
		wait    string
	}{
		{"answer", []chromedp.Action[chromedp.Void]{
			chromedp.Navigate(fmt.Sprintf("%s/book/%d", ts.URL, date.ID)),
			chromedp.WaitVisible(job(0)),
			chromedp.SendKeys(job(0), "Teamleitung"),
			chromedp.Click(yes, chromedp.NodeVisible),
		}, ""},
		{"add a row", []chromedp.Action[chromedp.Void]{chromedp.Click(`button[value="add_attendee"]`, chromedp.NodeVisible)}, job(1)},
		{"switch the language", []chromedp.Action[chromedp.Void]{chromedp.Click(`button.lang-switch`, chromedp.NodeVisible)}, `html[lang="en"]`},
	}
	for _, s := range steps {
		if err := chromedp.Do(ctx, s.actions...); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if s.wait != "" {
			if err := chromedp.Do(ctx, chromedp.WaitVisible(s.wait)); err != nil {
				t.Fatalf("%s: waiting for %s: %v", s.name, s.wait, err)
			}
		}
		ok, err := chromedp.Run(ctx, chromedp.Poll[bool](kept))
		if err != nil || !ok {
			t.Fatalf("after %s the answers are lost: %v", s.name, err)
		}
	}
	label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.attendee-questions label').textContent`))
	if err != nil || !strings.Contains(label, "Job title") {
		t.Errorf("the English form asks %q (%v), want the English question", label, err)
	}
}
