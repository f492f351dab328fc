package store

import (
	"context"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// heldSeats are the booking statuses whose attendees are on a date's lists.
var heldSeats = []model.BookingStatus{model.BookingConfirmed, model.BookingPendingPayment}

// DateAttendeeCounts are the totals of a date's attendee list, for a page that shows only part.
type DateAttendeeCounts struct {
	Total     int64
	CheckedIn int64
}

// attendeeNameOrder is how every list of a date's attendees is sorted: by last name, then first
// name, ignoring letter case (the trainer looks "van Dyk" up under V, not after "Zimmermann").
// The attendee list, its CSV and the bookings of a date (cancel notice, date edit) share it.
const attendeeNameOrder = "LOWER(attendees.last_name), LOWER(attendees.first_name)"

// dateAttendeesQuery selects the attendees of a date's seat-holding bookings by name, joined in
// SQL: no list of booking ids is bound, so a date of any size stays one query.
func (q Reads) dateAttendeesQuery(ctx context.Context, dateID uint) *gorm.DB {
	return q.db.WithContext(ctx).Model(&model.Attendee{}).
		Joins("JOIN bookings b ON b.id = attendees.booking_id").
		Where("b.date_id = ? AND b.status IN ?", dateID, heldSeats).
		Order(attendeeNameOrder + ", b.id, attendees.id")
}

// AttendeesOfDatePage returns one page of a date's attendees (offset, at most limit) by name,
// each with its booking (attendees left empty), and the list's totals.
func (q Reads) AttendeesOfDatePage(ctx context.Context, dateID uint, offset, limit int) ([]model.Attendee, map[uint]model.Booking, DateAttendeeCounts, error) {
	var counts DateAttendeeCounts
	err := q.db.WithContext(ctx).Model(&model.Attendee{}).
		Select("COUNT(*) AS total, COUNT(attendees.checked_in_at) AS checked_in").
		Joins("JOIN bookings b ON b.id = attendees.booking_id").
		Where("b.date_id = ? AND b.status IN ?", dateID, heldSeats).Scan(&counts).Error
	if err != nil {
		return nil, nil, counts, err
	}
	var attendees []model.Attendee
	if err := q.dateAttendeesQuery(ctx, dateID).Select("attendees.*").Offset(offset).Limit(limit).Find(&attendees).Error; err != nil {
		return nil, nil, counts, err
	}
	ids := make([]uint, 0, len(attendees))
	for _, a := range attendees {
		ids = append(ids, a.BookingID)
	}
	bookings := make(map[uint]model.Booking, len(ids))
	err = inChunks(ids, func(chunk []uint) error {
		var found []model.Booking
		if err := q.db.WithContext(ctx).Where("id IN ?", chunk).Find(&found).Error; err != nil {
			return err
		}
		for _, b := range found {
			bookings[b.ID] = b
		}
		return nil
	})
	return attendees, bookings, counts, err
}

// maxInList is the most ids one IN list binds: far below SQLite's 32,766 and PostgreSQL's 65,535
// parameters, whatever else the statement binds.
const maxInList = 500

// inChunks calls fn with consecutive parts of ids of at most maxInList each.
func inChunks[T any](ids []T, fn func([]T) error) error {
	for start := 0; start < len(ids); start += maxInList {
		if err := fn(ids[start:min(start+maxInList, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}
