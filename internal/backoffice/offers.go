package backoffice

import (
	"context"
	"errors"
	"fmt"
	"time"

	"seminars/internal/booking"
	"seminars/internal/model"
	"seminars/internal/store"
)

// ErrOfferExpired says the company tried to accept an offer after its last valid day.
var ErrOfferExpired = fmt.Errorf("offer expired: %w", model.ErrInvalidTransition)

// AcceptedByCompany is the AcceptedBy of an offer the company accepted on its private page.
const AcceptedByCompany = "company"

// CreateOffer issues an in-house offer answering an inquiry: it takes the next number of the
// offers' series (demo offers count in their own), freezes the buyer (from the inquiry), the
// seller and the seminar's title, marks the inquiry handled, and — in the same transaction — asks
// for its PDF to be rendered and stored and for the mail that sends it with the private accept
// link. o comes validated from the form (form.Offer); an unknown seminar or inquiry is
// model.ErrNotFound.
func (s *Service) CreateOffer(ctx context.Context, actor string, inquiryID uint, o *model.Offer) error {
	settings := s.bookings.Settings()
	now := s.now().UTC()
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		inq, err := tx.InquiryByID(ctx, inquiryID)
		if err != nil {
			return err
		}
		sem, err := tx.SeminarByID(ctx, o.SeminarID)
		if err != nil {
			return err
		}
		if o.Language == "" {
			o.Language = inq.Language
		}
		o.InquiryID, o.SeminarTitle = inq.ID, sem.Title(o.Language)
		o.Buyer = model.Party{Name: inq.Company, Contact: inq.Name, Email: inq.Email, Phone: inq.Phone}
		o.Seller, o.VATRateBP = settings.Seller.Party(), settings.VATRateBP
		o.IssuedAt, o.Status = now, model.OfferSent
		kind := model.OfferCounterKind
		if o.Demo {
			kind = model.DemoOfferCounterKind
		}
		year := now.In(s.bookings.Location()).Year()
		seq, err := tx.NextInvoiceSequence(ctx, kind, year)
		if err != nil {
			return err
		}
		o.Year, o.Sequence, o.Number = year, seq, model.OfferNumber(kind, year, seq)
		if err := tx.CreateOffer(ctx, o); err != nil {
			return err
		}
		if inq.Status == model.InquiryNew {
			if err := tx.SetInquiryStatus(ctx, inq.ID, model.InquiryDone); err != nil {
				return err
			}
		}
		detail := fmt.Sprintf("%s; inquiry %d; seminar %d; %s %d cents; persons %d; valid until %s",
			o.Number, inq.ID, sem.ID, o.Pricing, o.PriceNetCents, o.Persons, o.ValidUntil.Format(time.RFC3339))
		if err := s.audit(ctx, tx, actor, model.AuditOfferCreated, "offer "+o.Number, detail); err != nil {
			return err
		}
		if err := enqueueOfferRender(ctx, tx, *o); err != nil {
			return err
		}
		return booking.Notify(ctx, tx, o.Number, model.EventPayload{Event: model.EventOfferSent, Lang: o.Language,
			Extra: model.EventExtra{OfferID: o.ID}})
	})
}

// enqueueOfferRender asks, inside the issuing transaction, for the offer's PDF (the document
// render worker renders it once after commit and stores the bytes).
func enqueueOfferRender(ctx context.Context, tx *store.Tx, o model.Offer) error {
	key := model.TopicDocumentRender.Key(fmt.Sprintf("offer:%d", o.ID))
	return store.EnqueueJSONAt(ctx, tx, model.TopicDocumentRender, key, model.DocumentRenderPayload{OfferID: o.ID}, o.IssuedAt)
}

// AcceptOffer accepts an open offer for the proposed date numbered choice (0-based) and makes
// its unlisted date: not in the catalogue, the sitemap or the public API, booked only through
// its private link, with the offer's persons as capacity and its flat or per-person price,
// confirmed to take place. by is AcceptedByCompany (the company on its page, only while the offer
// is valid) or the staff actor who marked it accepted. An offer accepted already is
// model.ErrInvalidTransition; a choice out of range is a *model.ValidationError on "choice".
func (s *Service) AcceptOffer(ctx context.Context, by string, offerID uint, choice int) (model.Offer, error) {
	now := s.now().UTC()
	var o model.Offer
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		var err error
		if o, err = tx.OfferByID(ctx, offerID); err != nil {
			return err
		}
		if o.Status != model.OfferSent {
			return fmt.Errorf("offer %s is %s: %w", o.Number, o.Status, model.ErrInvalidTransition)
		}
		if by == AcceptedByCompany && !o.Acceptable(now) {
			return ErrOfferExpired
		}
		if choice < 0 || choice >= len(o.ProposedDates) {
			return &model.ValidationError{Fields: map[string]string{"choice": "offer.error.choice"}}
		}
		d := inhouseDate(o, o.ProposedDates[choice], now)
		if err := tx.CreateDate(ctx, &d); err != nil {
			return err
		}
		o.DateID, o.AcceptedAt, o.AcceptedBy = &d.ID, &now, by
		if err := tx.AcceptOffer(ctx, &o); err != nil {
			return err
		}
		actor := by
		if by == AcceptedByCompany {
			actor = "company:" + o.Buyer.Email
		}
		detail := fmt.Sprintf("%s; date %d (%s); by %s", o.Number, d.ID, d.StartsAt.Format(time.RFC3339), by)
		if err := s.audit(ctx, tx, actor, model.AuditOfferAccepted, "offer "+o.Number, detail); err != nil {
			return err
		}
		return booking.Notify(ctx, tx, o.Number, model.EventPayload{Event: model.EventOfferAccepted, DateID: d.ID,
			Lang: o.Language, Extra: model.EventExtra{OfferID: o.ID}})
	})
	if err != nil {
		return model.Offer{}, err
	}
	return o, nil
}

// inhouseDate is the unlisted date an accepted offer becomes. A flat price is the date's price
// as well, so the date's edit form shows it; bookings price it from FlatPriceNetCents.
func inhouseDate(o model.Offer, p model.ProposedDate, now time.Time) model.SeminarDate {
	d := model.SeminarDate{
		SeminarID: o.SeminarID, StartsAt: p.StartsAt, EndsAt: p.EndsAt, Capacity: o.Persons,
		PriceNetCents: o.PriceNetCents, Format: o.Format, City: o.City, Venue: o.Venue, Address: o.Address,
		Status: model.DatePublished, Unlisted: true, RunConfirmedAt: &now,
	}
	if o.Pricing == model.PricingFlat {
		d.FlatPriceNetCents = o.PriceNetCents
	}
	return d
}

// IsOfferExpired tells whether err says the offer's validity ran out.
func IsOfferExpired(err error) bool { return errors.Is(err, ErrOfferExpired) }
