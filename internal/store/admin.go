package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// AdminUpcomingDates returns dates that end after now — drafts included, cancelled ones left
// out — with their seminars, earliest first.
func (q Reads) AdminUpcomingDates(ctx context.Context, now time.Time, limit int) ([]model.SeminarDate, error) {
	var dates []model.SeminarDate
	err := q.db.WithContext(ctx).Preload("Seminar").
		Where("ends_at > ? AND status <> ?", now.UTC(), model.DateCancelled).
		Order("starts_at, id").Limit(limit).Find(&dates).Error
	if err != nil {
		return nil, err
	}
	return dates, q.fillSeatsConfirmed(ctx, datePtrs(dates)...)
}

// AdminSeminars returns every seminar, published or not, by German title.
func (q Reads) AdminSeminars(ctx context.Context) ([]model.Seminar, error) {
	var seminars []model.Seminar
	err := q.db.WithContext(ctx).Preload("Questions", questionOrder).Order("title_de, id").Find(&seminars).Error
	return seminars, err
}

// SeminarByID returns a seminar with all its dates (any status), earliest first, and its questions.
func (q Reads) SeminarByID(ctx context.Context, id uint) (model.Seminar, error) {
	var s model.Seminar
	err := q.db.WithContext(ctx).
		Preload("Dates", func(db *gorm.DB) *gorm.DB { return db.Order("starts_at, id") }).
		Preload("Questions", questionOrder).
		First(&s, id).Error
	if err != nil {
		return s, notFound(err, fmt.Sprintf("seminar %d", id))
	}
	return s, q.fillSeminarSeats(ctx, &s)
}

// SeminarOnly returns a seminar with its questions but none of its dates, for pages that read
// the dates they show themselves.
func (q Reads) SeminarOnly(ctx context.Context, id uint) (model.Seminar, error) {
	var s model.Seminar
	err := q.db.WithContext(ctx).Preload("Questions", questionOrder).First(&s, id).Error
	return s, notFound(err, fmt.Sprintf("seminar %d", id))
}

// UpdateSeminar writes a seminar's own fields (not its dates).
func (tx *Tx) UpdateSeminar(ctx context.Context, s *model.Seminar) error {
	return tx.db.WithContext(ctx).Model(s).Select("slug", "title_de", "title_en", "teaser_de", "teaser_en",
		"description_de", "description_en", "prepare_de", "prepare_en", "function_list", "duration_minutes",
		"default_price_cents", "published", "funding_approvals", "certificate_text_de", "certificate_text_en",
		"group_pricing", "group_from_seat", "group_percent_bp", "updated_at").Updates(s).Error
}

// CreateDate inserts a date of an existing seminar.
func (tx *Tx) CreateDate(ctx context.Context, d *model.SeminarDate) error {
	return tx.db.WithContext(ctx).Omit("Seminar", "VenueRecord").Create(d).Error
}

// UpdateDate writes a date's editable fields. The capacity is only written if it stays at or
// above the seats taken at that moment, checked in the same UPDATE so a booking in between
// cannot be oversold; otherwise it returns a *model.CapacityBelowTakenError and changes nothing.
func (tx *Tx) UpdateDate(ctx context.Context, d *model.SeminarDate) error {
	res := tx.db.WithContext(ctx).Model(&model.SeminarDate{}).
		Where("id = ? AND seats_taken <= ?", d.ID, d.Capacity).
		Updates(map[string]any{
			"starts_at": d.StartsAt, "ends_at": d.EndsAt, "capacity": d.Capacity, "price_net_cents": d.PriceNetCents,
			"early_bird_net_cents": d.EarlyBirdNetCents, "early_bird_until": d.EarlyBirdUntil, "format": d.Format,
			"city": d.City, "venue": d.Venue, "address": d.Address, "venue_id": d.VenueID, "online_url": d.OnlineURL, "status": d.Status,
			"min_participants": d.MinParticipants, "sequence": d.Sequence, "updated_at": tx.stamp(),
			// An in-house flat price follows the date's price when the trainer edits it.
			"flat_price_net_cents": gorm.Expr("CASE WHEN flat_price_net_cents > 0 THEN ? ELSE 0 END", d.PriceNetCents),
		})
	if res.Error != nil || res.RowsAffected == 1 {
		return res.Error
	}
	current, err := tx.DateByID(ctx, d.ID)
	if err != nil {
		return err
	}
	return &model.CapacityBelowTakenError{SeatsTaken: current.SeatsTaken}
}

// SearchBookings finds bookings whose reference, company, contact or attendees match text
// (case-insensitive, part of a word is enough), newest first.
func (q Reads) SearchBookings(ctx context.Context, text string, limit int) ([]model.Booking, error) {
	var bookings []model.Booking
	err := q.searchBookingsQuery(ctx, text, limit).Preload("Date.Seminar").Find(&bookings).Error
	return bookings, err
}

func (q Reads) searchBookingsQuery(ctx context.Context, text string, limit int) *gorm.DB {
	db := q.db.WithContext(ctx).Model(&model.Booking{}).Order("created_at DESC, id DESC").Limit(limit)
	if text = strings.ToLower(strings.TrimSpace(text)); text != "" {
		like := "%" + escapeLike(text) + "%"
		db = db.Where(`LOWER(reference) LIKE ? ESCAPE '\' OR LOWER(billing_company) LIKE ? ESCAPE '\'
			OR LOWER(billing_name) LIKE ? ESCAPE '\' OR LOWER(billing_email) LIKE ? ESCAPE '\'
			OR id IN (SELECT booking_id FROM attendees WHERE LOWER(first_name || ' ' || last_name) LIKE ? ESCAPE '\' OR LOWER(email) LIKE ? ESCAPE '\')`,
			like, like, like, like, like, like)
	}
	return db
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// BookingsOfDate returns the bookings of a date that hold seats, with their attendees. The
// attendees come by a join, not GORM's preload: a preload binds every booking id, which fails past
// SQLite's 32,766 parameters on a large online date.
func (q Reads) BookingsOfDate(ctx context.Context, dateID uint) ([]model.Booking, error) {
	var bookings []model.Booking
	err := q.db.WithContext(ctx).Where("date_id = ? AND status IN ?", dateID, heldSeats).
		Order("created_at, id").Find(&bookings).Error
	if err != nil || len(bookings) == 0 {
		return bookings, err
	}
	var attendees []model.Attendee
	err = q.db.WithContext(ctx).Select("attendees.*").Joins("JOIN bookings b ON b.id = attendees.booking_id").
		Where("b.date_id = ? AND b.status IN ?", dateID, heldSeats).
		Order(attendeeNameOrder + ", attendees.id").Find(&attendees).Error
	index := make(map[uint]int, len(bookings))
	for i, b := range bookings {
		index[b.ID] = i
	}
	for _, a := range attendees {
		if i, ok := index[a.BookingID]; ok {
			bookings[i].Attendees = append(bookings[i].Attendees, a)
		}
	}
	return bookings, err
}

// CancelDate marks a date cancelled (no more bookings) and bumps its calendar sequence; a date
// already cancelled is left as it is. It tells whether it changed the date.
func (tx *Tx) CancelDate(ctx context.Context, id uint) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.SeminarDate{}).Where("id = ? AND status <> ?", id, model.DateCancelled).
		Updates(map[string]any{"status": model.DateCancelled, "sequence": gorm.Expr("sequence + 1"), "updated_at": tx.stamp()})
	return res.RowsAffected == 1, res.Error
}

// MoveBookingDate points a booking at another date, if it is still on from.
func (tx *Tx) MoveBookingDate(ctx context.Context, bookingID, from, to uint) error {
	res := tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ? AND date_id = ?", bookingID, from).
		Updates(map[string]any{"date_id": to, "updated_at": tx.stamp()})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("booking %d on date %d: %w", bookingID, from, model.ErrNotFound)
	}
	return res.Error
}

// MarkBookingPaid sets an invoice booking's payment status to paid if it is still confirmed and
// unpaid, and records its gross amount in the ledger as a bank transfer; it writes nothing else
// (never a status read earlier). It tells whether it applied. The back office records payments
// through AddPayment; this stays for setting up paid bookings in tests and tools.
func (tx *Tx) MarkBookingPaid(ctx context.Context, id uint) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.Booking{}).
		Where("id = ? AND status = ? AND payment_status = ? AND payment_method = ?", id, model.BookingConfirmed, model.PaymentUnpaid, model.PaymentInvoice).
		Updates(map[string]any{"payment_status": model.PaymentPaid, "updated_at": tx.stamp()})
	if res.Error != nil || res.RowsAffected != 1 {
		return false, res.Error
	}
	var gross int64
	if err := tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ?", id).Pluck("gross_cents", &gross).Error; err != nil {
		return false, err
	}
	// The ledger holds the money; the status above only mirrors it.
	err := tx.AddPayment(ctx, &model.Payment{BookingID: id, AmountCents: gross, Method: model.LedgerBankTransfer,
		PaidOn: tx.stamp(), RecordedBy: "back office"})
	return err == nil, err
}

// needsAttention is the condition of the partial index idx_bookings_attention, written as the
// index writes it: the planners use a partial index only for a query that states its condition
// (SQLite compares the terms as written, so "needs_attention = ?" would miss it).
const needsAttention = "needs_attention"

// AttentionBookings returns the bookings that need the trainer's attention (a late payment
// refunded because its seats were gone, a refund that failed), oldest first.
func (q Reads) AttentionBookings(ctx context.Context, limit int) ([]model.Booking, error) {
	var out []model.Booking
	err := q.db.WithContext(ctx).Preload("Date.Seminar").Where(needsAttention).
		Order("updated_at, id").Limit(limit).Find(&out).Error
	return out, err
}

// CountAttentionBookings returns how many bookings need the trainer's attention now, by reason.
func (q Reads) CountAttentionBookings(ctx context.Context) (map[string]int64, error) {
	var rows []struct {
		Reason string
		N      int64
	}
	err := q.db.WithContext(ctx).Model(&model.Booking{}).Select("attention_reason AS reason, COUNT(*) AS n").
		Where(needsAttention).Group("attention_reason").Scan(&rows).Error
	counts := make(map[string]int64, len(rows))
	for _, r := range rows {
		counts[r.Reason] = r.N
	}
	return counts, err
}

// ClearAttention marks a booking's attention as handled, if it still needs it, and writes
// nothing else. It tells whether it applied.
func (tx *Tx) ClearAttention(ctx context.Context, id uint) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.Booking{}).Where("id = ? AND needs_attention = ?", id, true).
		Updates(map[string]any{"needs_attention": false, "updated_at": tx.stamp()})
	return res.RowsAffected == 1, res.Error
}

// SeminarIDBySlug finds a seminar's ID by its slug, published or not.
func (q Reads) SeminarIDBySlug(ctx context.Context, slug string) (uint, error) {
	var ids []uint
	err := q.db.WithContext(ctx).Model(&model.Seminar{}).Where("slug = ?", slug).Limit(1).Pluck("id", &ids).Error
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, fmt.Errorf("seminar %s: %w", slug, model.ErrNotFound)
	}
	return ids[0], nil
}
