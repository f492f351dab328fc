package model

import "time"

// SubstitutionOpen tells whether a booking's attendees may still be replaced by others at now:
// while the booking holds its seats and until deadline before the date starts, so that the
// trainer's attendee list and name badges are final in time.
func SubstitutionOpen(b Booking, d SeminarDate, now time.Time, deadline time.Duration) bool {
	return HoldsSeats(b.Status) && now.Before(d.StartsAt.Add(-deadline))
}

// SubstitutionDeadline is the last moment at which attendees of a date may be replaced.
func SubstitutionDeadline(d SeminarDate, deadline time.Duration) time.Time {
	return d.StartsAt.Add(-deadline)
}
