package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// TestConfirmationNamesTheTrainers: the attendee's confirmation, delivered through the
// in-process SMTP server, names the date's trainers in their order in the text and HTML parts,
// in German and in English, singular or plural; a date without trainers names nobody.
func TestConfirmationNamesTheTrainers(t *testing.T) {
	cases := []struct {
		name, lang string
		trainers   []string
		want       string
	}{
		{"german, two trainers", "de", []string{"Jana Berger", "Tom Kraus"}, "Seminarleitung: Jana Berger, Tom Kraus"},
		{"english, two trainers", "en", []string{"Jana Berger", "Tom Kraus"}, "Trainers: Jana Berger, Tom Kraus"},
		{"english, one trainer", "en", []string{"Jana Berger"}, "Trainer: Jana Berger"},
		{"german, nobody named", "de", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				start := time.Date(e.now.Year()+1, time.February, 3, 8, 0, 0, 0, time.UTC)
				date := e.seedDate(model.FormatInPerson, start)
				err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
					var ids []uint
					for _, name := range tc.trainers {
						tr := model.Trainer{Name: name, BioDE: "Kurzprofil", BioEN: "Short bio"}
						if err := tx.CreateTrainer(e.ctx, &tr); err != nil {
							return err
						}
						ids = append(ids, tr.ID)
					}
					return tx.SetDateTrainers(e.ctx, date.ID, ids)
				})
				if err != nil {
					t.Fatal(err)
				}
				e.reserve(date.ID, tc.lang, [2]string{"Anna", "anna@muster.example"})
				e.run(e.now.Add(time.Minute))

				m := only(t, e.inbox(), "anna@muster.example")
				if tc.want == "" {
					for _, label := range []string{"Seminarleitung:", "Trainer:", "Trainers:"} {
						if strings.Contains(m.Text, label) || strings.Contains(m.HTML, label) {
							t.Errorf("a date without trainers names %q", label)
						}
					}
					return
				}
				if !strings.Contains(m.Text, tc.want) {
					t.Errorf("text part lacks %q:\n%s", tc.want, m.Text)
				}
				if !strings.Contains(m.HTML, tc.want) {
					t.Errorf("HTML part lacks %q", tc.want)
				}
			})
		})
	}
}
