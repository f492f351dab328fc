package web

import (
	"strconv"
	"time"

	"seminars/internal/model"
)

// adminOfferJSON is an offer in the admin API.
type adminOfferJSON struct {
	ID            uint              `json:"id"`
	Number        string            `json:"number"`
	InquiryID     uint              `json:"inquiry_id"`
	SeminarID     uint              `json:"seminar_id"`
	SeminarTitle  string            `json:"seminar_title"`
	Company       string            `json:"company"`
	Contact       string            `json:"contact"`
	Email         string            `json:"email"`
	ProposedDates []proposedJSON    `json:"proposed_dates"`
	Persons       int               `json:"persons"`
	Pricing       string            `json:"pricing"`
	PriceNetCents int64             `json:"price_net_cents"`
	TotalNetCents int64             `json:"total_net_cents"`
	Currency      string            `json:"currency"`
	Format        string            `json:"format"`
	City          string            `json:"city"`
	Venue         string            `json:"venue"`
	Address       string            `json:"address"`
	Text          string            `json:"text"`
	Language      string            `json:"language"`
	IssuedAt      time.Time         `json:"issued_at"`
	ValidUntil    time.Time         `json:"valid_until"`
	Status        model.OfferStatus `json:"status"`
	DateID        *uint             `json:"date_id,omitempty"`
	AcceptedAt    *time.Time        `json:"accepted_at,omitempty"`
	AcceptedBy    string            `json:"accepted_by,omitempty"`
	// OfferURL is the company's private page; BookingURL, once accepted, where it books.
	OfferURL   string `json:"offer_url"`
	BookingURL string `json:"booking_url,omitempty"`
	PDFURL     string `json:"pdf_url"`
}

type proposedJSON struct {
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
}

func (s *Server) adminOfferView(o model.Offer) adminOfferJSON {
	v := adminOfferJSON{
		ID: o.ID, Number: o.Number, InquiryID: o.InquiryID, SeminarID: o.SeminarID, SeminarTitle: o.SeminarTitle,
		Company: o.Buyer.Name, Contact: o.Buyer.Contact, Email: o.Buyer.Email, Persons: o.Persons, Pricing: o.Pricing,
		PriceNetCents: o.PriceNetCents, TotalNetCents: o.NetCents(), Currency: s.seller.Currency, Format: o.Format,
		City: o.City, Venue: o.Venue, Address: o.Address, Text: o.Text, Language: o.Language,
		IssuedAt: o.IssuedAt.UTC(), ValidUntil: o.ValidUntil.UTC(), Status: o.Status, DateID: o.DateID,
		AcceptedAt: utcPtr(o.AcceptedAt), AcceptedBy: o.AcceptedBy,
		OfferURL: s.cfg.BaseURL + localized(o.Language, offerPath(o, s.secrets.OfferToken(o.ID))),
		PDFURL:   s.cfg.BaseURL + "/api/v1/admin/offers/" + strconv.FormatUint(uint64(o.ID), 10) + "/pdf",
	}
	v.ProposedDates = make([]proposedJSON, len(o.ProposedDates))
	for i, p := range o.ProposedDates {
		v.ProposedDates[i] = proposedJSON{StartsAt: p.StartsAt.UTC(), EndsAt: p.EndsAt.UTC()}
	}
	if o.DateID != nil {
		v.BookingURL = s.cfg.BaseURL + localized(o.Language, inhouseBookPath(*o.DateID, s.secrets.InhouseDateToken(*o.DateID)))
	}
	return v
}
