package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// The queries of data protection: everything stored about one e-mail address (access and
// erasure, Art. 15/17 GDPR) and the deletes of the retention job. Addresses are compared
// case-insensitively, as mail servers do.

func sameEmail(column string) string { return "lower(" + column + ") = lower(?)" }

// BookingsByBillingEmail returns the bookings whose billing contact has email, with attendees,
// date and seminar, oldest first.
func (q Reads) BookingsByBillingEmail(ctx context.Context, email string) ([]model.Booking, error) {
	var out []model.Booking
	err := q.db.WithContext(ctx).
		Preload("Attendees", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Date.Seminar").
		Where(sameEmail("billing_email"), email).Order("id").Find(&out).Error
	return out, err
}

// BookingsWithAttendeeEmail returns the bookings that have an attendee with email (whoever
// booked them), with attendees, date and seminar, oldest first.
func (q Reads) BookingsWithAttendeeEmail(ctx context.Context, email string) ([]model.Booking, error) {
	var out []model.Booking
	sub := q.db.Model(&model.Attendee{}).Select("booking_id").Where(sameEmail("email"), email)
	err := q.db.WithContext(ctx).
		Preload("Attendees", func(db *gorm.DB) *gorm.DB { return db.Order("id") }).
		Preload("Date.Seminar").
		Where("id IN (?)", sub).Order("id").Find(&out).Error
	return out, err
}

// WaitlistEntriesByEmail returns the waiting-list entries of email, oldest first.
func (q Reads) WaitlistEntriesByEmail(ctx context.Context, email string) ([]model.WaitlistEntry, error) {
	var out []model.WaitlistEntry
	err := q.db.WithContext(ctx).Where(sameEmail("email"), email).Order("id").Find(&out).Error
	return out, err
}

// WaitlistEntriesForBooking returns the waiting-list entries that ended in the booking.
func (q Reads) WaitlistEntriesForBooking(ctx context.Context, reference string) ([]model.WaitlistEntry, error) {
	var out []model.WaitlistEntry
	err := q.db.WithContext(ctx).Where("booking_reference = ?", reference).Order("id").Find(&out).Error
	return out, err
}

// InquiriesByEmail returns the in-house inquiries sent from email, oldest first.
func (q Reads) InquiriesByEmail(ctx context.Context, email string) ([]model.InhouseInquiry, error) {
	var out []model.InhouseInquiry
	err := q.db.WithContext(ctx).Where(sameEmail("email"), email).Order("id").Find(&out).Error
	return out, err
}

// OutboxItemsOfTopic returns every item of a topic (any status), oldest first; the caller reads
// the payloads (the recipient of a mail is inside the JSON, not in a column).
func (q Reads) OutboxItemsOfTopic(ctx context.Context, topic model.Topic) ([]model.OutboxItem, error) {
	var out []model.OutboxItem
	err := q.db.WithContext(ctx).Where("topic = ?", topic).Order("id").Find(&out).Error
	return out, err
}

// OutboxItemsDoneBefore returns the items of a topic delivered before a moment whose payload does
// not yet say its body was removed, for the retention job. (A "scrubbed" mail may still have its
// body: a confirmation keeps it with the secrets taken out.)
func (q Reads) OutboxItemsDoneBefore(ctx context.Context, topic model.Topic, before time.Time) ([]model.OutboxItem, error) {
	var out []model.OutboxItem
	err := q.db.WithContext(ctx).
		Where("topic = ? AND status = ? AND done_at < ? AND payload NOT LIKE ?", topic, model.OutboxDone, before.UTC(), `%"body_removed":true%`).
		Order("id").Find(&out).Error
	return out, err
}

// AuditEntriesMentioning returns the audit entries whose subject or detail contains text (an
// e-mail address), case-insensitively, oldest first.
func (q Reads) AuditEntriesMentioning(ctx context.Context, text string) ([]model.AuditEntry, error) {
	var out []model.AuditEntry
	like := "%" + escapeLike(strings.ToLower(text)) + "%"
	err := q.db.WithContext(ctx).
		Where(`lower(subject) LIKE ? ESCAPE '\' OR lower(detail) LIKE ? ESCAPE '\'`, like, like).
		Order("id").Find(&out).Error
	return out, err
}

// EraseBilling overwrites a booking's billing contact and address with what erasure leaves
// (company, country, VAT ID and the booking's money stay: they are the company's, not the
// person's). The booking's issued documents are separate rows and stay as issued.
func (tx *Tx) EraseBilling(ctx context.Context, bookingID uint, b model.Billing) error {
	return tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ?", bookingID).Updates(map[string]any{
		"billing_name": b.Name, "billing_email": b.Email, "billing_street": b.Street,
		"billing_postal_code": b.PostalCode, "billing_city": b.City, "billing_po_number": b.PONumber,
		"updated_at": tx.stamp(),
	}).Error
}

// EraseAttendee overwrites an attendee's name and address.
func (tx *Tx) EraseAttendee(ctx context.Context, id uint, firstName, lastName, email string) error {
	return tx.db.WithContext(ctx).Model(&model.Attendee{}).Where("id = ?", id).Updates(map[string]any{
		"first_name": firstName, "last_name": lastName, "email": email, "updated_at": tx.stamp(),
	}).Error
}

// EraseWaitlistEntry overwrites the person on a waiting-list entry.
func (tx *Tx) EraseWaitlistEntry(ctx context.Context, id uint, name, email string) error {
	return tx.db.WithContext(ctx).Model(&model.WaitlistEntry{}).Where("id = ?", id).Updates(map[string]any{
		"name": name, "email": email, "updated_at": tx.stamp(),
	}).Error
}

// EraseInquiry overwrites the person on an in-house inquiry: name, address, phone and the
// free text (which may name anyone).
func (tx *Tx) EraseInquiry(ctx context.Context, id uint, name, email string) error {
	return tx.db.WithContext(ctx).Model(&model.InhouseInquiry{}).Where("id = ?", id).Updates(map[string]any{
		"name": name, "email": email, "phone": "", "message": "", "updated_at": tx.stamp(),
	}).Error
}

// DeleteOutboxItem removes an item (a pending mail to a person who was erased).
func (tx *Tx) DeleteOutboxItem(ctx context.Context, id uint) error {
	return tx.db.WithContext(ctx).Delete(&model.OutboxItem{}, id).Error
}

// SetAuditText rewrites an audit entry's subject and detail (erasure replaces an address in them).
func (tx *Tx) SetAuditText(ctx context.Context, id uint, subject, detail string) error {
	return tx.db.WithContext(ctx).Model(&model.AuditEntry{}).Where("id = ?", id).
		Updates(map[string]any{"subject": subject, "detail": detail}).Error
}

// DeleteWaitlistEntriesBefore deletes the waiting-list entries made before a moment, except
// those holding an open offer (the offer's seats are held for them); it returns how many.
func (tx *Tx) DeleteWaitlistEntriesBefore(ctx context.Context, before time.Time) (int64, error) {
	res := tx.db.WithContext(ctx).Where("created_at < ? AND status <> ?", before.UTC(), model.WaitlistOffered).
		Delete(&model.WaitlistEntry{})
	return res.RowsAffected, res.Error
}

// DeleteInquiriesBefore deletes the in-house inquiries that came in before a moment.
func (tx *Tx) DeleteInquiriesBefore(ctx context.Context, before time.Time) (int64, error) {
	res := tx.db.WithContext(ctx).Where("created_at < ?", before.UTC()).Delete(&model.InhouseInquiry{})
	return res.RowsAffected, res.Error
}

// DeleteLoginFailuresBefore forgets the failed sign-ins recorded before a moment.
func (tx *Tx) DeleteLoginFailuresBefore(ctx context.Context, before time.Time) (int64, error) {
	res := tx.db.WithContext(ctx).Where("created_at < ?", before.UTC()).Delete(&model.LoginFailure{})
	return res.RowsAffected, res.Error
}

// CountExpiredStaffSessions is how many sessions DeleteExpiredStaffSessions would remove.
func (q Reads) CountExpiredStaffSessions(ctx context.Context, now time.Time, idle time.Duration) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.StaffSession{}).
		Where("expires_at <= ? OR last_seen_at <= ?", now.UTC(), now.UTC().Add(-idle)).Count(&n).Error
	return n, err
}

// PurgeInvoicesIssuedBefore deletes the invoices and credit notes issued before a moment, with
// their stored PDF and XML, except those of bookings under a legal hold; it returns how many
// documents (invoices and credit notes) went.
func (tx *Tx) PurgeInvoicesIssuedBefore(ctx context.Context, before time.Time) (int64, error) {
	db := tx.db.WithContext(ctx)
	held := tx.db.Model(&model.Booking{}).Select("id").Where("legal_hold = ?", true)
	ids := tx.db.Model(&model.Invoice{}).Select("id").Where("issued_at < ? AND booking_id NOT IN (?)", before.UTC(), held)
	if err := db.Where("invoice_id IN (?)", ids).Delete(&model.IssuedDocument{}).Error; err != nil {
		return 0, err
	}
	res := db.Where("issued_at < ? AND booking_id NOT IN (?)", before.UTC(), held).Delete(&model.Invoice{})
	return res.RowsAffected, res.Error
}

// PurgeOffersIssuedBefore deletes in-house offers issued before before, with their stored PDF.
// An offer is a business letter (§ 257 HGB): kept its years, like the confirmations, then gone.
// Nothing refers to an offer; the unlisted date it made and that date's bookings stay.
func (tx *Tx) PurgeOffersIssuedBefore(ctx context.Context, before time.Time) (int64, error) {
	db := tx.db.WithContext(ctx)
	old := tx.db.Model(&model.Offer{}).Select("id").Where("issued_at < ?", before.UTC())
	if err := db.Where("offer_id IN (?)", old).Delete(&model.OfferDocument{}).Error; err != nil {
		return 0, err
	}
	res := db.Where("issued_at < ?", before.UTC()).Delete(&model.Offer{})
	return res.RowsAffected, res.Error
}

// SetLegalHold sets or lifts a booking's legal hold, which keeps its documents past retention.
func (tx *Tx) SetLegalHold(ctx context.Context, bookingID uint, hold bool) error {
	return tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ?", bookingID).
		Updates(map[string]any{"legal_hold": hold, "updated_at": tx.stamp()}).Error
}

// ClaimDailyRun records that the job name runs for day (YYYY-MM-DD) and tells whether this
// transaction is the first to claim that day. The claim is one conditional upsert on a
// settings row: instances sharing the database that claim the same day at once queue on the
// row, and all but the first find the day taken. Made inside the job's transaction, the claim
// is undone with the job's work if that fails, so a later round retries the day.
func (tx *Tx) ClaimDailyRun(ctx context.Context, name, day string) (bool, error) {
	row := model.Setting{Name: "job_day:" + name, Value: day, UpdatedAt: tx.stamp()}
	res := tx.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "name"}},
		DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at"}),
		Where:     clause.Where{Exprs: []clause.Expression{clause.Expr{SQL: "settings.value < excluded.value"}}},
	}).Create(&row)
	return res.RowsAffected == 1, res.Error
}
