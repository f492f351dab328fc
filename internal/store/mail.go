package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// BookingByID returns a booking with its attendees, date (with its trainers, whom the mails
// name) and seminar.
func (q Reads) BookingByID(ctx context.Context, id uint) (model.Booking, error) {
	var b model.Booking
	err := q.db.WithContext(ctx).
		Preload("Attendees", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Date.Seminar.Questions", questionOrder).Preload("Date.VenueRecord").
		First(&b, id).Error
	if err != nil {
		return b, notFound(err, "booking")
	}
	return b, q.fillBookingTrainers(ctx, []model.Booking{b})
}

// fillBookingTrainers loads the trainers of the bookings' dates, in one query.
func (q Reads) fillBookingTrainers(ctx context.Context, bookings []model.Booking) error {
	var ids []uint
	for _, b := range bookings {
		if b.Date != nil {
			ids = append(ids, b.DateID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	trainers, err := q.trainersOfDates(ctx, ids)
	for _, b := range bookings {
		if b.Date != nil {
			b.Date.Trainers = trainers[b.DateID]
		}
	}
	return err
}

// BookingsToNotify returns a date's confirmed bookings with their attendees, for the notices that
// go to everyone on a date; with everConfirmed also those confirmed once and cancelled since (a
// cancelled date's bookings are cancelled together with it).
func (q Reads) BookingsToNotify(ctx context.Context, dateID uint, everConfirmed bool) ([]model.Booking, error) {
	db := q.db.WithContext(ctx).
		Preload("Attendees", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Date.Seminar").Preload("Date.VenueRecord").
		Where("date_id = ?", dateID)
	if everConfirmed {
		db = db.Where("status = ? OR confirmed_at IS NOT NULL", model.BookingConfirmed)
	} else {
		db = db.Where("status = ?", model.BookingConfirmed)
	}
	var bookings []model.Booking
	if err := db.Order("id").Find(&bookings).Error; err != nil {
		return nil, err
	}
	return bookings, q.fillBookingTrainers(ctx, bookings)
}

// ReminderDue is one attendee to remind of a date.
type ReminderDue struct {
	AttendeeID  uint
	BookingID   uint
	DateID      uint
	StartsAt    time.Time
	Sequence    int
	ConfirmedAt *time.Time
}

// RemindersDue lists the attendees of confirmed bookings on published dates that start after now
// (not the demo's example bookings: nobody asked for those reminders, and their addresses
// cannot receive mail)
// and no later than until, leaving out those that already have an outbox item whose key is
// keyPrefix + "<attendee id>:date:<date id>:seq:<sequence>" (the reminder was recorded before). Whether a reminder still makes sense (a booking confirmed a day before
// the date needs none) is the mail package's rule, so ConfirmedAt comes along.
func (q Reads) RemindersDue(ctx context.Context, now, until time.Time, keyPrefix string) ([]ReminderDue, error) {
	var out []ReminderDue
	err := q.db.WithContext(ctx).Table("attendees").
		Select("attendees.id AS attendee_id, bookings.id AS booking_id, seminar_dates.id AS date_id, "+
			"seminar_dates.starts_at AS starts_at, seminar_dates.sequence AS sequence, bookings.confirmed_at AS confirmed_at").
		Joins("JOIN bookings ON bookings.id = attendees.booking_id").
		Joins("JOIN seminar_dates ON seminar_dates.id = bookings.date_id").
		Where("bookings.status = ? AND seminar_dates.status = ?", model.BookingConfirmed, model.DatePublished).
		Where("bookings.reference NOT LIKE ?", model.DemoReferencePrefix+"%").
		Where("seminar_dates.starts_at > ? AND seminar_dates.starts_at <= ?", now, until).
		Where("NOT EXISTS (SELECT 1 FROM outbox_items o WHERE o.key = CAST(? AS TEXT) || attendees.id || ':date:' || seminar_dates.id || ':seq:' || seminar_dates.sequence)", keyPrefix).
		Order("attendees.id").Scan(&out).Error
	return out, err
}

// CertificateDue is a checked-in attendee of a date that is over.
type CertificateDue struct {
	AttendeeID uint
	BookingID  uint
	DateID     uint
}

// CertificatesDue lists the checked-in attendees of confirmed bookings whose date ended after
// since and no later than now, leaving out those that already have an outbox item whose key is
// keyPrefix + "<attendee id>:date:<date id>" (their certificate was recorded before).
func (q Reads) CertificatesDue(ctx context.Context, since, now time.Time, keyPrefix string) ([]CertificateDue, error) {
	var out []CertificateDue
	err := q.db.WithContext(ctx).Table("attendees").
		Select("attendees.id AS attendee_id, bookings.id AS booking_id, seminar_dates.id AS date_id").
		Joins("JOIN bookings ON bookings.id = attendees.booking_id").
		Joins("JOIN seminar_dates ON seminar_dates.id = bookings.date_id").
		Where("bookings.status = ? AND attendees.checked_in_at IS NOT NULL", model.BookingConfirmed).
		// The dates of the window drive the query (by idx_seminar_dates_ends_at, then each date's
		// bookings and their attendees by key); joined plainly, SQLite walked every attendee to
		// save the sort.
		Where("bookings.date_id IN (SELECT id FROM seminar_dates WHERE ends_at > ? AND ends_at <= ?)", since, now).
		Where("NOT EXISTS (SELECT 1 FROM outbox_items o WHERE o.key = CAST(? AS TEXT) || attendees.id || ':date:' || seminar_dates.id)", keyPrefix).
		Order("attendees.id").Scan(&out).Error
	return out, err
}
