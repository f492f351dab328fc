package model

import "testing"

// TestNormalizeAnswer checks each kind of question against what a form or the API may send.
func TestNormalizeAnswer(t *testing.T) {
	text := SeminarQuestion{Kind: QuestionText, Required: true}
	choice := SeminarQuestion{Kind: QuestionChoice, OptionsDE: "vegetarisch\n vegan \n", OptionsEN: "vegetarian\nvegan"}
	yesNo := SeminarQuestion{Kind: QuestionYesNo}
	long := make([]rune, MaxAnswerLength+1)
	for i := range long {
		long[i] = 'x'
	}
	cases := []struct {
		name      string
		q         SeminarQuestion
		in, value string
		msg       string
	}{
		{"text trimmed", text, "  Teamleitung ", "Teamleitung", ""},
		{"required text missing", text, "   ", "", "error.answer_required"},
		{"text with a line break", text, "a\nb", "", "error.answer_invalid"},
		{"text too long", text, string(long), "", "error.answer_too_long"},
		{"an option", choice, "vegan", "vegan", ""},
		{"an option not offered", choice, "Fisch", "", "error.answer_choice"},
		{"optional choice left out", choice, "", "", ""},
		{"yes", yesNo, "yes", "yes", ""},
		{"not yes or no", yesNo, "ja", "", "error.answer_choice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, msg := tc.q.NormalizeAnswer(tc.in)
			if v != tc.value || msg != tc.msg {
				t.Errorf("NormalizeAnswer(%q) = %q, %q; want %q, %q", tc.in, v, msg, tc.value, tc.msg)
			}
		})
	}
	if got := choice.AnswerText("en", "vegetarisch"); got != "vegetarian" {
		t.Errorf("English answer text %q, want vegetarian", got)
	}
	if got := yesNo.AnswerText("de", AnswerNo); got != "Nein" {
		t.Errorf("German no %q", got)
	}
}
