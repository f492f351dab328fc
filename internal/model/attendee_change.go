package model

// Events, corrections and audit actions of one attendee more or less on a booking.
const (
	// EventAttendeeAdded sends the attendee added to a booking their own confirmation with the
	// invite (AttendeeID); the billing contact is told by the booking_corrected mail.
	EventAttendeeAdded Event = "attendee_added"
	// EventAttendeeCancelled tells a person cancelled from a booking that their seat is gone,
	// with the invite cancelled (AttendeeID = the deleted row, for the invite's UID; OldEmail,
	// OldName); the billing contact is told by the booking_corrected mail.
	EventAttendeeCancelled Event = "attendee_cancelled"

	// CorrectionAttendeeAdded: one attendee more (Extra.Name names them in the mail).
	CorrectionAttendeeAdded Correction = "attendee_added"
	// CorrectionAttendeeCancelled: one attendee less (Extra.Name; Extra.AmountCents is the
	// gross cancellation fee kept for the seat).
	CorrectionAttendeeCancelled Correction = "attendee_cancelled"

	// AuditAttendeeAdded: an attendee was added to a booking (by the booker or staff).
	AuditAttendeeAdded = "attendee.added"
	// AuditAttendeeCancelled: one attendee of a booking was cancelled, with the fee kept.
	AuditAttendeeCancelled = "attendee.cancelled"
)
