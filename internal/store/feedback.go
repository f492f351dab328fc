package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"seminars/internal/model"
)

// FeedbackDue is a checked-in attendee whose date ended and who agreed to be asked, with no
// survey recorded for the date yet.
type FeedbackDue struct {
	AttendeeID uint
	BookingID  uint
	DateID     uint
	SeminarID  uint
}

// FeedbackDue lists the attendees to ask for feedback at now: checked in on a date of a
// confirmed booking that was not cancelled and ended after since and no later than now, with a
// consent given for their current address, and no feedback row (request or answer) for the
// date yet.
func (q Reads) FeedbackDue(ctx context.Context, since, now time.Time) ([]FeedbackDue, error) {
	var out []FeedbackDue
	err := q.db.WithContext(ctx).Table("attendees").
		Select("attendees.id AS attendee_id, bookings.id AS booking_id, seminar_dates.id AS date_id, seminar_dates.seminar_id AS seminar_id").
		Joins("JOIN bookings ON bookings.id = attendees.booking_id").
		Joins("JOIN seminar_dates ON seminar_dates.id = bookings.date_id").
		Joins("JOIN feedback_consents c ON c.attendee_id = attendees.id AND LOWER(c.email) = LOWER(attendees.email)").
		Where("bookings.status = ? AND attendees.checked_in_at IS NOT NULL AND seminar_dates.status <> ?", model.BookingConfirmed, model.DateCancelled).
		Where("seminar_dates.ends_at > ? AND seminar_dates.ends_at <= ?", since.UTC(), now.UTC()).
		Where("NOT EXISTS (SELECT 1 FROM feedback f WHERE f.attendee_id = attendees.id AND f.date_id = seminar_dates.id)").
		Order("attendees.id").Scan(&out).Error
	return out, err
}

// feedbackKey is the unique (attendee, date) pair of a feedback row.
var feedbackKey = []clause.Column{{Name: "attendee_id"}, {Name: "date_id"}}

// RequestFeedback records that the survey of f's attendee and date is asked for, unless the
// pair has a row already: the unique index decides, also between instances running the job at
// once. It tells whether this call recorded it.
func (tx *Tx) RequestFeedback(ctx context.Context, f *model.Feedback) (bool, error) {
	if f.UpdatedAt.IsZero() {
		f.UpdatedAt = tx.stamp()
	}
	res := tx.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: feedbackKey, DoNothing: true}).Create(f)
	return res.RowsAffected == 1, res.Error
}

// SaveFeedbackAnswer stores an attendee's answer for a date, over an earlier answer or the
// request row: one row per attendee and date, whichever came first.
func (tx *Tx) SaveFeedbackAnswer(ctx context.Context, f *model.Feedback) error {
	f.UpdatedAt = tx.stamp()
	return tx.db.WithContext(ctx).Clauses(clause.OnConflict{Columns: feedbackKey, DoUpdates: clause.AssignmentColumns([]string{
		"answered_at", "updated_at", "content_rating", "trainer_rating", "organisation_rating", "comment",
		"quote_consent", "quote_signature", "seminar_id",
	})}).Create(f).Error
}

// AddExampleFeedback stores an example answer (the demo's), tied to a seminar only.
func (tx *Tx) AddExampleFeedback(ctx context.Context, f *model.Feedback) error {
	f.Example, f.AttendeeID, f.DateID = true, nil, nil
	if f.UpdatedAt.IsZero() {
		f.UpdatedAt = tx.stamp()
	}
	return tx.db.WithContext(ctx).Create(f).Error
}

// FeedbackOf returns an attendee's feedback row for a date; without one it is model.ErrNotFound.
func (q Reads) FeedbackOf(ctx context.Context, attendeeID, dateID uint) (model.Feedback, error) {
	var f model.Feedback
	err := q.db.WithContext(ctx).Where("attendee_id = ? AND date_id = ?", attendeeID, dateID).First(&f).Error
	return f, notFound(err, fmt.Sprintf("feedback of attendee %d on date %d", attendeeID, dateID))
}

// FeedbackByID returns one feedback row.
func (q Reads) FeedbackByID(ctx context.Context, id uint) (model.Feedback, error) {
	var f model.Feedback
	err := q.db.WithContext(ctx).First(&f, id).Error
	return f, notFound(err, fmt.Sprintf("feedback %d", id))
}

// FeedbackTally sums up answers: how many, the sums of each rating, and how many are examples
// and how many carry a quote the attendee agreed to publish.
type FeedbackTally struct {
	SeminarID                               uint
	Count, Examples, Quotes                 int64
	Dates                                   int64 // dates with answers (FeedbackTallies only)
	ContentSum, TrainerSum, OrganisationSum int64
}

// feedbackSums is the SELECT list of a FeedbackTally's sums.
const feedbackSums = `COUNT(*) AS count,
	SUM(CASE WHEN example = ? THEN 1 ELSE 0 END) AS examples,
	SUM(CASE WHEN quote_consent = ? AND comment <> '' THEN 1 ELSE 0 END) AS quotes,
	SUM(content_rating) AS content_sum, SUM(trainer_rating) AS trainer_sum,
	SUM(organisation_rating) AS organisation_sum`

// FeedbackTallies sums up the answered feedback of a seminar (every seminar when seminarID is
// 0) per seminar, in SQL over every answer: the results page shows one page of answers and of
// dates but the counts and averages of all.
func (q Reads) FeedbackTallies(ctx context.Context, seminarID uint) ([]FeedbackTally, error) {
	var out []FeedbackTally
	db := q.db.WithContext(ctx).Model(&model.Feedback{}).
		Select("seminar_id, COUNT(DISTINCT date_id) AS dates, "+feedbackSums, true, true).
		Where("answered_at IS NOT NULL")
	if seminarID != 0 {
		db = db.Where("seminar_id = ?", seminarID)
	}
	err := db.Group("seminar_id").Order("seminar_id").Scan(&out).Error
	return out, err
}

// FeedbackDateTally sums up the answers of one date.
type FeedbackDateTally struct {
	FeedbackTally
	Date model.SeminarDate
}

// FeedbackDatePage returns limit of a seminar's dates with answers from offset, earliest date
// first, each with the sums of its answers, and how many dates have answers: the per-date rows
// of the results are paged like the answers, so a seminar with years of dates does not bring
// them all back (the demo's examples, which belong to no date, are in no row).
func (q Reads) FeedbackDatePage(ctx context.Context, seminarID uint, offset, limit int) ([]FeedbackDateTally, int64, error) {
	answered := func() *gorm.DB {
		return q.db.WithContext(ctx).Table("feedback AS f").
			Where("f.seminar_id = ? AND f.answered_at IS NOT NULL AND f.date_id IS NOT NULL", seminarID)
	}
	var total int64
	if err := answered().Distinct("f.date_id").Count(&total).Error; err != nil || total == 0 || limit <= 0 {
		return []FeedbackDateTally{}, total, err
	}
	var rows []struct {
		DateID uint
		FeedbackTally
	}
	err := answered().Joins("JOIN seminar_dates d ON d.id = f.date_id").
		Select("f.date_id AS date_id, f.seminar_id AS seminar_id, "+feedbackSums, true, true).
		Group("f.date_id, f.seminar_id, d.starts_at").Order("d.starts_at, f.date_id").
		Offset(offset).Limit(limit).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return []FeedbackDateTally{}, total, err
	}
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.DateID
	}
	byID, err := q.DatesByIDs(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	out := make([]FeedbackDateTally, len(rows))
	for i, r := range rows {
		out[i] = FeedbackDateTally{FeedbackTally: r.FeedbackTally, Date: byID[r.DateID]}
	}
	return out, total, nil
}

// DatesByIDs returns the dates ids name (those that exist), by id; for a page's rows, so ids
// holds at most a page of them.
func (q Reads) DatesByIDs(ctx context.Context, ids []uint) (map[uint]model.SeminarDate, error) {
	out := make(map[uint]model.SeminarDate, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var dates []model.SeminarDate
	if err := q.db.WithContext(ctx).Where("id IN ?", ids).Find(&dates).Error; err != nil {
		return nil, err
	}
	for _, d := range dates {
		out[d.ID] = d
	}
	return out, nil
}

// AnswerPage is a page of a seminar's answered feedback, newest first: Limit rows from
// Offset; QuotesOnly keeps the answers with a quote the attendee agreed to publish.
type AnswerPage struct {
	Offset, Limit int
	QuotesOnly    bool
}

// AnsweredFeedbackPage returns page p of a seminar's answered feedback, newest answer first,
// read through idx_feedback_seminar_answered.
func (q Reads) AnsweredFeedbackPage(ctx context.Context, seminarID uint, p AnswerPage) ([]model.Feedback, error) {
	out := []model.Feedback{}
	err := q.answersQuery(ctx, seminarID, p).Find(&out).Error
	return out, err
}

func (q Reads) answersQuery(ctx context.Context, seminarID uint, p AnswerPage) *gorm.DB {
	db := q.db.WithContext(ctx).Model(&model.Feedback{}).Where("seminar_id = ? AND answered_at IS NOT NULL", seminarID)
	if p.QuotesOnly {
		db = db.Where("quote_consent = ? AND comment <> ''", true)
	}
	return db.Order("answered_at DESC, id DESC").Offset(p.Offset).Limit(p.Limit)
}

// PublicQuotes lists up to limit quotes of a seminar that may be shown on its page: answered,
// with the attendee's consent, a comment, and not hidden by the trainer; newest first.
func (q Reads) PublicQuotes(ctx context.Context, seminarID uint, limit int) ([]model.Feedback, error) {
	var out []model.Feedback
	err := q.db.WithContext(ctx).
		Where("seminar_id = ? AND answered_at IS NOT NULL AND quote_consent = ? AND quote_hidden = ? AND comment <> ''", seminarID, true, false).
		Order("answered_at DESC, id DESC").Limit(limit).Find(&out).Error
	return out, err
}

// SetQuoteHidden takes a quote off the seminar page (or puts it back).
func (tx *Tx) SetQuoteHidden(ctx context.Context, id uint, hidden bool) error {
	res := tx.db.WithContext(ctx).Model(&model.Feedback{}).Where("id = ?", id).
		Updates(map[string]any{"quote_hidden": hidden, "updated_at": tx.stamp()})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("feedback %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// FeedbackConsentOf returns an attendee's consent to the survey mail; ok is false without one.
func (q Reads) FeedbackConsentOf(ctx context.Context, attendeeID uint) (c model.FeedbackConsent, ok bool, err error) {
	err = q.db.WithContext(ctx).Where("attendee_id = ?", attendeeID).First(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c, false, nil
	}
	return c, err == nil, err
}

// SetFeedbackConsent records (or renews, for the current address) an attendee's consent.
func (tx *Tx) SetFeedbackConsent(ctx context.Context, c model.FeedbackConsent) error {
	c.Email = strings.TrimSpace(c.Email)
	return tx.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "attendee_id"}}, DoUpdates: clause.AssignmentColumns([]string{"email", "consented_at", "source"}),
	}).Create(&c).Error
}

// DeleteFeedbackConsent withdraws an attendee's consent; withdrawing none is no error.
func (tx *Tx) DeleteFeedbackConsent(ctx context.Context, attendeeID uint) error {
	return tx.db.WithContext(ctx).Where("attendee_id = ?", attendeeID).Delete(&model.FeedbackConsent{}).Error
}

// FeedbackOfAttendees lists every feedback row of the attendees named, oldest first (a
// person's data export).
func (q Reads) FeedbackOfAttendees(ctx context.Context, attendeeIDs []uint) ([]model.Feedback, error) {
	var out []model.Feedback
	if len(attendeeIDs) == 0 {
		return out, nil
	}
	err := inChunks(attendeeIDs, func(ids []uint) error {
		var part []model.Feedback
		err := q.db.WithContext(ctx).Where("attendee_id IN ?", ids).Order("id").Find(&part).Error
		out = append(out, part...)
		return err
	})
	slices.SortFunc(out, func(a, b model.Feedback) int { return cmp.Compare(a.ID, b.ID) })
	return out, err
}

// EraseFeedbackOfAttendee deletes an attendee's feedback (answers, quotes, requests) and consent
// (Art. 17 GDPR) and tells how many rows went.
func (tx *Tx) EraseFeedbackOfAttendee(ctx context.Context, attendeeID uint) (int64, error) {
	res := tx.db.WithContext(ctx).Where("attendee_id = ?", attendeeID).Delete(&model.Feedback{})
	if res.Error != nil {
		return 0, res.Error
	}
	consent := tx.db.WithContext(ctx).Where("attendee_id = ?", attendeeID).Delete(&model.FeedbackConsent{})
	return res.RowsAffected + consent.RowsAffected, consent.Error
}

// FeedbackConsentsByEmail lists the consents given for an address, also those whose attendee
// row is gone (a seat cancelled since), for a person's export.
func (q Reads) FeedbackConsentsByEmail(ctx context.Context, email string) ([]model.FeedbackConsent, error) {
	var out []model.FeedbackConsent
	err := q.db.WithContext(ctx).Where("LOWER(email) = LOWER(?)", strings.TrimSpace(email)).Order("attendee_id").Find(&out).Error
	return out, err
}

// DeleteFeedbackConsentsByEmail deletes every consent given for an address (Art. 17 GDPR) and
// tells how many went.
func (tx *Tx) DeleteFeedbackConsentsByEmail(ctx context.Context, email string) (int64, error) {
	res := tx.db.WithContext(ctx).Where("LOWER(email) = LOWER(?)", strings.TrimSpace(email)).Delete(&model.FeedbackConsent{})
	return res.RowsAffected, res.Error
}
