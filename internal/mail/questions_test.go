package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// TestConfirmationInvitesSensitiveAnswers: when the seminar has sensitive questions, each
// attendee's confirmation says they can answer them on their page; otherwise it says nothing.
func TestConfirmationInvitesSensitiveAnswers(t *testing.T) {
	keys, err := secret.New("mail-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		sensitive bool
	}{
		{"sensitive questions", true},
		{"no sensitive questions", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.worker.UseKeyring(keys)
			date := e.seedDate(model.FormatInPerson, time.Date(e.now.Year()+1, time.January, 12, 8, 0, 0, 0, time.UTC))
			qs := []model.SeminarQuestion{{Kind: model.QuestionText, LabelDE: "Barrierefreiheit", Sensitive: tc.sensitive}}
			if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.ReplaceQuestions(e.ctx, date.SeminarID, qs) }); err != nil {
				t.Fatal(err)
			}
			e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
			e.run(e.now.Add(time.Hour))
			m := only(t, e.inbox(), "anna@muster.example")
			for _, part := range []string{m.Text, m.HTML} {
				if got := strings.Contains(part, "Verpflegung oder Barrierefreiheit"); got != tc.sensitive {
					t.Errorf("the mail invites the answers: %v, want %v", got, tc.sensitive)
				}
			}
		})
	}
}
