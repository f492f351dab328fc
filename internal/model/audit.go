package model

import "time"

// Audit actions: what the back office records about changes that matter later (prices, seats,
// times, money).
const (
	AuditSeminarCreated  = "seminar.created"
	AuditSeminarUpdated  = "seminar.updated"
	AuditDateCreated     = "date.created"
	AuditDateUpdated     = "date.updated"
	AuditDateCancelled   = "date.cancelled"
	AuditBookingPaid     = "booking.marked_paid"
	AuditPaymentRecorded = "booking.payment_recorded"
	// AuditPaymentReminder: the reminder job reminded a billing contact of an overdue invoice.
	AuditPaymentReminder  = "booking.payment_reminder"
	AuditBookingCancelled = "booking.cancelled"
	AuditBookingMoved     = "booking.moved"
	// AuditBillingChanged: the billing data of a booking were edited (the invoice corrected).
	AuditBillingChanged      = "booking.billing_changed"
	AuditAttendeeSubstituted = "attendee.substituted"
	// AuditAttendeeCheckedIn and AuditCheckInUndone: an attendee's presence on one day of a
	// date was recorded, or a mistaken check-in taken back.
	AuditAttendeeCheckedIn = "attendee.checked_in"
	AuditCheckInUndone     = "attendee.check_in_undone"
	AuditUserAdded         = "user.added"
	AuditTokenCreated      = "token.created"
	AuditTokenRevoked      = "token.revoked"
	// AuditAttentionHandled: an owner dealt with a booking that needed attention (a refunded
	// late payment, a failed refund).
	AuditAttentionHandled = "booking.attention_handled"
	// AuditVATIDVerified: an owner checked a reverse-charge customer's VAT ID (the attention
	// item AttentionVATIDUnverified).
	AuditVATIDVerified  = "booking.vat_id_verified"
	AuditVoucherCreated = "voucher.created"
	// AuditConfirmationResent: the back office sent a booking's confirmation again, with a new
	// manage link (the old one stops working).
	AuditConfirmationResent = "booking.confirmation_resent"
	// AuditDocumentResent: the back office mailed an issued document (or a certificate) again.
	AuditDocumentResent = "booking.document_resent"
	// AuditVoucherUpdated: an owner changed a voucher's discount, limits or validity;
	// AuditVoucherSwitched: an owner switched a voucher off (or on again).
	AuditVoucherUpdated  = "voucher.updated"
	AuditVoucherSwitched = "voucher.switched"
	// AuditVoucherDeleted: an owner deleted a voucher nobody had used.
	AuditVoucherDeleted = "voucher.deleted"
	// AuditMaterialAdded and AuditMaterialDeleted: a file or link for a seminar's attendees was
	// added or removed.
	AuditMaterialAdded   = "material.added"
	AuditMaterialDeleted = "material.deleted"
	// AuditOutboxResent: an owner put a parked outbox item (a mail, a refund) back in the queue.
	AuditOutboxResent = "outbox.resent"
	// AuditDateRunConfirmed: the trainer confirmed that a date takes place (the run decision).
	AuditDateRunConfirmed = "date.run_confirmed"
	// AuditOfferCreated: an owner wrote and sent an in-house offer; AuditOfferAccepted: the
	// company accepted it on its page, or staff marked it accepted — its unlisted date was made.
	AuditOfferCreated  = "offer.created"
	AuditOfferAccepted = "offer.accepted"
)

// AuditEntry is one change made in the back office or through the admin API: who, what, when.
type AuditEntry struct {
	ID        uint      `gorm:"primaryKey"`
	CreatedAt time.Time `gorm:"not null;index"`
	Actor     string    `gorm:"size:300;not null"` // a staff e-mail, or "api:<token name>"
	Action    string    `gorm:"size:50;not null;index"`
	Subject   string    `gorm:"size:100;not null;index"` // e.g. "date 12", "booking SEM-7K3Q9X"
	Detail    string    `gorm:"size:4000"`               // what changed, "field: old → new; …"
}
