package model

import (
	"fmt"
	"time"
)

// OfferStatus is where an in-house offer stands.
type OfferStatus string

// Offer statuses: sent to the company, accepted (its unlisted date exists), or withdrawn.
const (
	OfferSent     OfferStatus = "sent"
	OfferAccepted OfferStatus = "accepted"
)

// Pricing of an in-house offer: one flat price for the whole seminar, or a price per person.
const (
	PricingFlat      = "flat"
	PricingPerPerson = "per_person"
)

// OfferCounterKind and DemoOfferCounterKind are the offers' number series in invoice_counters:
// offers count on their own, AN-2026-00001, and the demo's on its own again, DEMO-AN-2026-00001,
// so a demo offer never uses up a real number.
const (
	OfferCounterKind     = "offer"
	DemoOfferCounterKind = "demo_offer"
)

// OfferNumber formats an offer's number from its series, year and sequence.
func OfferNumber(kind string, year, seq int) string {
	prefix := "AN"
	if kind == DemoOfferCounterKind {
		prefix = "DEMO-AN"
	}
	return fmt.Sprintf("%s-%d-%05d", prefix, year, seq)
}

// ProposedDate is one date an offer proposes for the in-house seminar.
type ProposedDate struct {
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
}

// Offer is the trainer's written offer ("Angebot") for an in-house seminar, answering an
// inquiry. Its facts are frozen when it is issued — its PDF is rendered once from them and
// stored (OfferDocument); accepting it creates its unlisted date (DateID), booked only through a
// private link, at the offer's price.
type Offer struct {
	ID        uint   `gorm:"primaryKey"`
	Number    string `gorm:"size:30;not null;uniqueIndex"`
	Year      int    `gorm:"not null"`
	Sequence  int    `gorm:"not null"`
	InquiryID uint   `gorm:"not null;index"`
	SeminarID uint   `gorm:"not null;index"`
	// SeminarTitle is the seminar's title in the offer's language when it was issued.
	SeminarTitle string `gorm:"size:200;not null"`
	// Buyer is the company as the offer is addressed to it.
	Buyer         Party          `gorm:"serializer:json;type:text;not null"`
	Seller        Party          `gorm:"serializer:json;type:text;not null"`
	ProposedDates []ProposedDate `gorm:"serializer:json;type:text;not null"`
	Persons       int            `gorm:"not null"`
	Pricing       string         `gorm:"size:20;not null"`
	// PriceNetCents is the flat price, or the price per person.
	PriceNetCents int64  `gorm:"not null"`
	VATRateBP     int    `gorm:"not null"`
	Format        string `gorm:"size:20;not null"`
	City          string `gorm:"size:100"`
	Venue         string `gorm:"size:200"`
	Address       string `gorm:"size:300"`
	Text          string `gorm:"size:4000"`
	Language      string `gorm:"size:5;not null"`
	IssuedAt      time.Time
	ValidUntil    time.Time   `gorm:"not null"`
	Status        OfferStatus `gorm:"size:20;not null;index"`
	// DateID is the unlisted date made when the offer was accepted; AcceptedBy says by whom
	// ("company", or the staff member who marked it).
	DateID     *uint
	AcceptedAt *time.Time
	AcceptedBy string `gorm:"size:300"`
	Demo       bool   `gorm:"not null;default:false"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// NetCents is the offer's total net amount: the flat price, or persons × the price per person.
func (o Offer) NetCents() int64 {
	if o.Pricing == PricingFlat {
		return o.PriceNetCents
	}
	return o.PriceNetCents * int64(o.Persons)
}

// Totals are the offer's net, VAT and gross at the standard rate (the tax of the booking that
// follows is decided when it is made).
func (o Offer) Totals() Totals {
	return Tax{Treatment: TaxStandard, RateBP: o.VATRateBP}.Totals(o.NetCents())
}

// Acceptable tells whether the company can still accept the offer at time now: it is open and
// valid until the end of its last day (ValidUntil is that moment).
func (o Offer) Acceptable(now time.Time) bool {
	return o.Status == OfferSent && now.Before(o.ValidUntil)
}

// OfferDocument is an offer's PDF as rendered once after it was issued; downloads and the mail
// serve these bytes.
type OfferDocument struct {
	ID          uint      `gorm:"primaryKey"`
	OfferID     uint      `gorm:"not null;uniqueIndex"`
	ContentType string    `gorm:"size:100;not null"`
	Data        []byte    `gorm:"not null"`
	SHA256      string    `gorm:"column:sha256;size:64;not null"`
	Size        int64     `gorm:"not null"`
	RenderedAt  time.Time `gorm:"not null"`
}

// LastDay is the last moment the offer is valid (the end of its last valid day), for showing
// that day.
func (o Offer) LastDay() time.Time { return o.ValidUntil.Add(-time.Second) }
