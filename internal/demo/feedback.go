package demo

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// exampleAnswer is one invented survey answer of the demo. The demo has no past dates, so its
// answers belong to a seminar only; every page that shows one marks it "Beispiel"/"Example".
type exampleAnswer struct {
	slug                           string
	content, trainer, organisation int
	comment, signature             string // signature empty: no consent to publish
	daysAgo                        int
}

// exampleAnswers are the demo's survey answers, quotes among them.
func exampleAnswers() []exampleAnswer {
	return []exampleAnswer{
		{"social-media-kompetenz-fuer-alle-unternehmensbereiche", 5, 5, 4,
			"Endlich verstehen wir, dass Social Media nicht nur Sache des Marketings ist. Wir haben noch am selben Tag eine Liste mit neun Funktionen gemacht, die es nutzen sollten.",
			"Anna M., Marketing", 12},
		{"social-media-kompetenz-fuer-alle-unternehmensbereiche", 5, 4, 5,
			"Viele praktische Beispiele aus dem Kundenservice und dem Recruiting – genau das, was uns gefehlt hat.",
			"Jonas K., Personal", 30},
		{"social-media-kompetenz-fuer-alle-unternehmensbereiche", 4, 5, 4,
			"Gute Mischung aus Strategie und Übungen. Der Raum war etwas warm.", "", 45},
		{"social-selling-mit-linkedin", 5, 5, 5,
			"Nach dem Seminar habe ich mein Profil umgebaut und in zwei Wochen drei Termine mit Neukunden vereinbart.",
			"Sabine R., Vertrieb", 20},
		{"social-selling-mit-linkedin", 4, 4, 5, "", "", 26},
	}
}

// seedExampleFeedback stores the example answers on the seminars just seeded.
func seedExampleFeedback(ctx context.Context, tx *store.Tx, bySlug map[string]uint, now time.Time) error {
	for _, e := range exampleAnswers() {
		id, ok := bySlug[e.slug]
		if !ok {
			// The tables are fixed source code, so an unknown slug is a programming error.
			return fmt.Errorf("demo: example feedback for unknown seminar %s", e.slug)
		}
		at := now.AddDate(0, 0, -e.daysAgo).UTC()
		f := model.Feedback{
			SeminarID: id, AnsweredAt: &at, UpdatedAt: at,
			ContentRating: e.content, TrainerRating: e.trainer, OrganisationRating: e.organisation,
			Comment: e.comment, QuoteConsent: e.signature != "", QuoteSignature: e.signature,
		}
		if err := tx.AddExampleFeedback(ctx, &f); err != nil {
			return fmt.Errorf("demo: example feedback: %w", err)
		}
	}
	return nil
}
