package mail

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// offerSent mails an in-house offer to the company's contact: the offer's stored PDF attached
// and the private link to its page, where it can be read and accepted.
func (x expander) offerSent(ctx context.Context) ([]outgoing, error) {
	o, err := x.q.OfferByID(ctx, x.ev.Extra.OfferID)
	if err != nil {
		return nil, err
	}
	link, token, err := x.offerLink(o)
	if err != nil {
		return nil, err
	}
	msg, err := x.c.build(letter{
		kind: "offer_sent", lang: o.Language, to: Address{Name: o.Buyer.Contact, Email: o.Buyer.Email}, now: x.now,
		action: link, redact: []string{token}, extra: x.offerFacts(o),
		documents: []DocumentRef{{OfferID: o.ID, Kind: docOffer, Name: invoice.OfferFileName(o)}},
		key:       sendKey(x.key, "offer", strconv.FormatUint(uint64(o.ID), 10), "company"),
	})
	return []outgoing{msg}, err
}

// offerAccepted tells the company that its in-house date is set, with the private link where it
// books its attendees, and tells the owners who accepted.
func (x expander) offerAccepted(ctx context.Context) ([]outgoing, error) {
	o, err := x.q.OfferByID(ctx, x.ev.Extra.OfferID)
	if err != nil {
		return nil, err
	}
	if o.DateID == nil {
		return nil, fmt.Errorf("offer %s accepted without a date: %w", o.Number, model.ErrInvalidTransition)
	}
	d, err := x.q.DateByID(ctx, *o.DateID)
	if err != nil {
		return nil, err
	}
	if x.c.keys == nil {
		return nil, errors.New("mail: no keyring for the in-house booking link (UseKeyring)")
	}
	key := x.c.keys.InhouseDateToken(d.ID)
	link := x.c.s.inLanguage(fmt.Sprintf("%s/book/%d?k=%s", x.c.s.BaseURL, d.ID, key), o.Language)
	id := strconv.FormatUint(uint64(o.ID), 10)
	company, err := x.c.build(letter{
		kind: "offer_accepted", lang: o.Language, to: Address{Name: o.Buyer.Contact, Email: o.Buyer.Email}, now: x.now,
		date: &d, action: link, redact: []string{key}, extra: x.offerFacts(o),
		key: sendKey(x.key, "offer", id, "company"),
	})
	if err != nil {
		return nil, err
	}
	notice := letter{kind: "owner_offer_accepted", date: &d, extra: x.offerFacts(o),
		action: fmt.Sprintf("%s/admin/offers/%d", x.c.s.BaseURL, o.ID)}
	owners, err := x.toOwners(ctx, notice)
	return append([]outgoing{company}, owners...), err
}

// offerLink is the private link of an offer's page in its language, and the secret in it.
func (x expander) offerLink(o model.Offer) (link, token string, err error) {
	if x.c.keys == nil {
		return "", "", errors.New("mail: no keyring for the offer link (UseKeyring)")
	}
	token = x.c.keys.OfferToken(o.ID)
	return x.c.s.inLanguage(fmt.Sprintf("%s/angebot/%d/%s", x.c.s.BaseURL, o.ID, token), o.Language), token, nil
}

// offerFacts are the values an offer's messages name.
func (x expander) offerFacts(o model.Offer) map[string]string {
	t := x.c.i18n.For(o.Language)
	return map[string]string{
		"Number": o.Number, "Company": o.Buyer.Name, "Title": o.SeminarTitle, "Persons": strconv.Itoa(o.Persons),
		"Total": t.Money(o.NetCents()), "Until": t.Date(o.LastDay().In(x.c.s.Location)),
	}
}
