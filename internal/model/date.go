package model

import "time"

// Formats of a seminar date.
const (
	FormatInPerson = "in_person"
	FormatOnline   = "online"
)

// Statuses of a seminar date.
const (
	DateDraft     = "draft"
	DatePublished = "published"
	DateCancelled = "cancelled"
)

// SeminarDate is one scheduled run of a seminar with its own capacity and price.
// SeatsTaken counts seats held or sold; it only changes inside a write transaction together with
// the bookings that take or release the seats, so SeatsTaken <= Capacity always holds.
type SeminarDate struct {
	ID                uint      `gorm:"primaryKey"`
	SeminarID         uint      `gorm:"not null;index"`
	Seminar           *Seminar  `gorm:"foreignKey:SeminarID"`
	StartsAt          time.Time `gorm:"not null;index"`
	EndsAt            time.Time `gorm:"not null;index"`
	Capacity          int       `gorm:"not null"`
	SeatsTaken        int       `gorm:"not null;default:0"`
	PriceNetCents     int64     `gorm:"not null"`
	EarlyBirdNetCents int64     `gorm:"not null;default:0"`
	EarlyBirdUntil    *time.Time
	Format            string `gorm:"size:20;not null"`
	City              string `gorm:"size:100"`
	Venue             string `gorm:"size:200"`
	Address           string `gorm:"size:300"`
	// VenueID names the venue record the date takes place at; nil keeps the free text above.
	VenueID *uint `gorm:"index"`
	// VenueRecord is the venue VenueID names, when the store's read loaded it.
	VenueRecord *Venue `gorm:"foreignKey:VenueID"`
	// Trainers run the date, in order. Not a column: the store's reads of dates fill it.
	Trainers  []Trainer `gorm:"-"`
	OnlineURL string    `gorm:"size:500"`
	Status    string    `gorm:"size:20;not null;default:published;index"`
	Sequence  int       `gorm:"not null;default:0"` // bumped on every change attendees must hear about (iCalendar SEQUENCE)
	// MinParticipants is how many confirmed seats the date needs to take place; 0 = no minimum.
	MinParticipants int `gorm:"not null;default:0"`
	// RunConfirmedAt is when the trainer confirmed that the date takes place, whatever the count.
	RunConfirmedAt *time.Time
	// SeatsConfirmed counts the seats of confirmed bookings (held seats of unpaid card bookings
	// do not count towards the minimum). Not a column: the store's reads of dates fill it.
	SeatsConfirmed int `gorm:"-"`
	// Unlisted marks an in-house date made from an accepted offer: it is in no catalogue, feed or
	// public API and is booked only through its private link.
	Unlisted bool `gorm:"not null;default:false"`
	// FlatPriceNetCents, when above 0, is the price of the whole date (an in-house flat price):
	// its one booking costs that much however many attendees it names.
	FlatPriceNetCents int64 `gorm:"not null;default:0"`
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// SeatsLeft is the number of seats that can still be booked.
func (d SeminarDate) SeatsLeft() int {
	if left := d.Capacity - d.SeatsTaken; left > 0 {
		return left
	}
	return 0
}

// FlatPrice tells whether the date is sold for one flat price rather than per seat.
func (d SeminarDate) FlatPrice() bool { return d.FlatPriceNetCents > 0 }

// Bookable tells whether the date takes bookings at time now.
func (d SeminarDate) Bookable(now time.Time) bool {
	return d.Status == DatePublished && d.StartsAt.After(now)
}

// UnitPriceNetCents is the net price per attendee for a booking made at time now: the early-bird
// price while it runs, otherwise the regular price.
func (d SeminarDate) UnitPriceNetCents(now time.Time) int64 {
	if d.EarlyBirdActive(now) {
		return d.EarlyBirdNetCents
	}
	return d.PriceNetCents
}

// EarlyBirdActive tells whether the early-bird price applies at time now.
func (d SeminarDate) EarlyBirdActive(now time.Time) bool {
	return d.EarlyBirdNetCents > 0 && d.EarlyBirdUntil != nil && now.Before(*d.EarlyBirdUntil)
}

// Guaranteed tells whether the date is sure to take place: the trainer confirmed it, or it has a
// minimum and the confirmed seats reach it. A date without a minimum that nobody confirmed is not
// guaranteed, and the pages say nothing about it.
func (d SeminarDate) Guaranteed() bool {
	return d.RunConfirmedAt != nil || (d.MinParticipants > 0 && d.SeatsConfirmed >= d.MinParticipants)
}

// DecisionFrom is when the run decision of a date falls due: decisionDays × 24 hours before it
// starts.
func (d SeminarDate) DecisionFrom(decisionDays int) time.Time {
	return d.StartsAt.Add(-time.Duration(decisionDays) * 24 * time.Hour)
}

// DecisionDue tells whether the trainer must decide at time now whether the date takes place: a
// published date with a minimum that is not reached, not confirmed, not started, and inside the
// decision window. decisionDays 0 turns the decision off.
func (d SeminarDate) DecisionDue(now time.Time, decisionDays int) bool {
	return decisionDays > 0 && d.Status == DatePublished && d.MinParticipants > 0 && !d.Guaranteed() &&
		d.StartsAt.After(now) && !now.Before(d.DecisionFrom(decisionDays))
}

// CanConfirmRun tells whether the trainer can confirm at time now that the date takes place: a
// published date that has not started and is not confirmed yet.
func (d SeminarDate) CanConfirmRun(now time.Time) bool {
	return d.Status == DatePublished && d.RunConfirmedAt == nil && d.StartsAt.After(now)
}
