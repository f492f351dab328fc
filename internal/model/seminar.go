package model

import (
	"strings"
	"time"
)

// BusinessFunctions are the parts of a company that use social media for their work; the
// catalogue is organised around them. The order is the order shown in filters.
var BusinessFunctions = []string{
	"marketing", "sales", "customer_service", "hr", "pr", "management", "it_privacy",
}

// IsBusinessFunction tells whether s is one of BusinessFunctions.
func IsBusinessFunction(s string) bool {
	for _, f := range BusinessFunctions {
		if f == s {
			return true
		}
	}
	return false
}

// Seminar is one offer of the catalogue, written in German and English.
type Seminar struct {
	ID            uint   `gorm:"primaryKey"`
	Slug          string `gorm:"size:120;uniqueIndex;not null"`
	TitleDE       string `gorm:"size:200;not null"`
	TitleEN       string `gorm:"size:200;not null"`
	TeaserDE      string `gorm:"size:500"`
	TeaserEN      string `gorm:"size:500"`
	DescriptionDE string `gorm:"type:text"`
	DescriptionEN string `gorm:"type:text"`
	PrepareDE     string `gorm:"type:text"` // what to bring / prepare
	PrepareEN     string `gorm:"type:text"`
	// FunctionList holds business function keys separated by commas, e.g. "marketing,sales".
	FunctionList      string `gorm:"size:300;not null;default:''"`
	DurationMinutes   int    `gorm:"not null"`
	DefaultPriceCents int64  `gorm:"not null"`
	Published         bool   `gorm:"not null;default:true"`
	// FundingApprovals are the states that approved the seminar for Bildungsurlaub/Bildungszeit.
	FundingApprovals FundingApprovals `gorm:"type:text;not null;default:''"`
	// CertificateTextDE/EN is printed on the Teilnahmebescheinigung (e.g. the legal basis an
	// employer or funding body asks for) and shown on the seminar page.
	CertificateTextDE string `gorm:"type:text;not null;default:''"`
	CertificateTextEN string `gorm:"type:text;not null;default:''"`
	// GroupPricing is GroupPricingGlobal (the service's rule), GroupPricingOwn (GroupFromSeat and
	// GroupPercentBP) or GroupPricingOff; see GroupRuleOf.
	GroupPricing   string `gorm:"size:10;not null;default:global"`
	GroupFromSeat  int    `gorm:"not null;default:0"`
	GroupPercentBP int    `gorm:"not null;default:0"`
	CreatedAt      time.Time
	UpdatedAt      time.Time
	Dates          []SeminarDate `gorm:"foreignKey:SeminarID"`
}

// Functions returns the seminar's business functions.
func (s Seminar) Functions() []string {
	if s.FunctionList == "" {
		return []string{}
	}
	return strings.Split(s.FunctionList, ",")
}

// HasFunction tells whether the seminar addresses a business function.
func (s Seminar) HasFunction(f string) bool {
	for _, have := range s.Functions() {
		if have == f {
			return true
		}
	}
	return false
}

// Title returns the title in a language ("de" or "en"), German when English is missing.
func (s Seminar) Title(lang string) string { return pick(lang, s.TitleDE, s.TitleEN) }

// Teaser returns the teaser in a language.
func (s Seminar) Teaser(lang string) string { return pick(lang, s.TeaserDE, s.TeaserEN) }

// Description returns the description in a language.
func (s Seminar) Description(lang string) string { return pick(lang, s.DescriptionDE, s.DescriptionEN) }

// Prepare returns what attendees should bring or prepare, in a language.
func (s Seminar) Prepare(lang string) string { return pick(lang, s.PrepareDE, s.PrepareEN) }

// CertificateText returns the text for the certificate of attendance, in a language.
func (s Seminar) CertificateText(lang string) string {
	return pick(lang, s.CertificateTextDE, s.CertificateTextEN)
}

func pick(lang, de, en string) string {
	if lang == "en" && en != "" {
		return en
	}
	return de
}
