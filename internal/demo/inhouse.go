package demo

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// SeedInhouse adds the demo's in-house example: an inquiry from a company and the trainer's
// offer answering it (flat price, two proposed dates), numbered in the demo's own series
// (DEMO-AN-…) so it never uses up a real number, with its PDF rendered by the document worker.
// No mail is sent: the company is an example. Call it right after Seed seeded the catalogue;
// seller and vatRateBP are the service's, as every offer freezes them.
func SeedInhouse(ctx context.Context, st *store.Store, now time.Time, berlin *time.Location, seller model.Party, vatRateBP int) error {
	return st.WithTx(ctx, func(tx *store.Tx) error {
		slug := courses()[0].seminar.Slug
		seminarID, err := tx.SeminarIDBySlug(ctx, slug)
		if err != nil {
			return fmt.Errorf("demo offer: seminar %s: %w", slug, err)
		}
		sem, err := tx.SeminarByID(ctx, seminarID)
		if err != nil {
			return err
		}
		inq := model.InhouseInquiry{
			Company: "Beispiel Logistik GmbH (Demo)", Name: "Jana Beispiel", Email: "jana.beispiel@example.com",
			Topic: sem.TitleDE, Participants: 14, PreferredPeriod: "im Frühjahr", Language: "de", Status: model.InquiryDone,
			Message: "Beispielanfrage der Demo: Wir möchten Vertrieb und Kundenservice gemeinsam schulen, gern bei uns in Hamburg.",
		}
		if err := tx.CreateInquiry(ctx, &inq); err != nil {
			return err
		}
		today := time.Date(now.In(berlin).Year(), now.In(berlin).Month(), now.In(berlin).Day(), 0, 0, 0, 0, berlin)
		first, second := weekday(today.AddDate(0, 0, 42)), weekday(today.AddDate(0, 0, 56))
		o := model.Offer{
			InquiryID: inq.ID, SeminarID: sem.ID, SeminarTitle: sem.TitleDE, Seller: seller, VATRateBP: vatRateBP,
			Buyer:         model.Party{Name: inq.Company, Contact: inq.Name, Email: inq.Email},
			ProposedDates: []model.ProposedDate{{StartsAt: at(first, 9).UTC(), EndsAt: at(first, 17).UTC()}, {StartsAt: at(second, 9).UTC(), EndsAt: at(second, 17).UTC()}},
			Persons:       14, Pricing: model.PricingFlat, PriceNetCents: 490000, Format: model.FormatInPerson,
			City: "Hamburg", Venue: "Beispiel Logistik, Schulungsraum", Address: "Hafenstraße 1, 20457 Hamburg",
			Text:     "Beispielangebot der Demo: ein Tag für Ihr Team aus Vertrieb und Kundenservice, mit Ihren eigenen Kanälen als Übungsmaterial.",
			Language: "de", IssuedAt: now.UTC(), ValidUntil: today.AddDate(0, 0, 29).UTC(), Status: model.OfferSent, Demo: true,
		}
		year := now.In(berlin).Year()
		seq, err := tx.NextInvoiceSequence(ctx, model.DemoOfferCounterKind, year)
		if err != nil {
			return err
		}
		o.Year, o.Sequence, o.Number = year, seq, model.OfferNumber(model.DemoOfferCounterKind, year, seq)
		if err := tx.CreateOffer(ctx, &o); err != nil {
			return err
		}
		key := model.TopicDocumentRender.Key(fmt.Sprintf("offer:%d", o.ID))
		return store.EnqueueJSONAt(ctx, tx, model.TopicDocumentRender, key, model.DocumentRenderPayload{OfferID: o.ID}, o.IssuedAt)
	})
}

// weekday is d, or the Tuesday after it when it falls on a weekend or a holiday.
func weekday(d time.Time) time.Time {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || holiday(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}
