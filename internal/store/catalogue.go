package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// CountSeminars returns how many seminars exist (published or not).
func (q Reads) CountSeminars(ctx context.Context) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.Seminar{}).Count(&n).Error
	return n, err
}

// CreateSeminar inserts a seminar together with its dates.
func (tx *Tx) CreateSeminar(ctx context.Context, s *model.Seminar) error {
	return tx.db.WithContext(ctx).Create(s).Error
}

// upcomingDates preloads the published dates that start after now, earliest first. Unlisted
// (in-house) dates are left out: every public list — catalogue, seminar page, sitemap, the
// public API — reads its dates through here.
func upcomingDates(now time.Time) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB {
		return db.Where("status = ? AND starts_at > ? AND unlisted = ?", model.DatePublished, now, false).Order("starts_at, id")
	}
}

// Catalogue returns the published seminars with their upcoming published dates and their questions.
func (q Reads) Catalogue(ctx context.Context, now time.Time) ([]model.Seminar, error) {
	var seminars []model.Seminar
	err := q.db.WithContext(ctx).
		Preload("Dates", upcomingDates(now)).
		Preload("Questions", questionOrder).
		Where("published = ?", true).
		Order("id").
		Find(&seminars).Error
	if err != nil {
		return nil, err
	}
	ptrs := make([]*model.Seminar, len(seminars))
	for i := range seminars {
		ptrs[i] = &seminars[i]
	}
	return seminars, q.fillSeminarSeats(ctx, ptrs...)
}

// SeminarBySlug returns a published seminar with its upcoming published dates.
func (q Reads) SeminarBySlug(ctx context.Context, slug string, now time.Time) (model.Seminar, error) {
	var s model.Seminar
	err := q.db.WithContext(ctx).
		Preload("Dates", upcomingDates(now)).
		Where("slug = ? AND published = ?", slug, true).
		First(&s).Error
	if err != nil {
		return s, notFound(err, "seminar "+slug)
	}
	return s, q.fillSeminarSeats(ctx, &s)
}

// DateByID returns a date with its seminar and its confirmed seats (for guaranteed and the run
// decision).
func (q Reads) DateByID(ctx context.Context, id uint) (model.SeminarDate, error) {
	d, err := q.DateToBook(ctx, id)
	if err != nil {
		return d, err
	}
	return d, q.fillSeatsConfirmed(ctx, &d)
}

// TakeSeats takes n seats of a date if that many are free, in one conditional UPDATE: the check
// and the take cannot be separated by another writer on either database (SQLite serialises
// writers; PostgreSQL re-evaluates the WHERE clause on the locked row). It returns a
// *model.SoldOutError when too few seats are left.
func (tx *Tx) TakeSeats(ctx context.Context, dateID uint, n int) error {
	if err := tx.takeHotSlot(ctx); err != nil { // the UPDATE locks the date's row
		return err
	}
	res := tx.db.WithContext(ctx).Model(&model.SeminarDate{}).
		Where("id = ? AND seats_taken + ? <= capacity", dateID, n).
		Updates(map[string]any{"seats_taken": gorm.Expr("seats_taken + ?", n), "updated_at": tx.stamp()})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 1 {
		return nil
	}
	return tx.soldOut(ctx, dateID, n)
}

// soldOut is the *model.SoldOutError of a seat take of n seats the date refused.
func (tx *Tx) soldOut(ctx context.Context, dateID uint, n int) error {
	d, err := tx.DateByID(ctx, dateID)
	if err != nil {
		return err
	}
	return &model.SoldOutError{DateID: dateID, SeatsLeft: d.SeatsLeft(), Requested: n}
}

// ReleaseSeats gives n seats of a date back.
func (tx *Tx) ReleaseSeats(ctx context.Context, dateID uint, n int) error {
	return tx.db.WithContext(ctx).Model(&model.SeminarDate{}).
		Where("id = ?", dateID).
		Updates(map[string]any{"seats_taken": gorm.Expr("CASE WHEN seats_taken >= ? THEN seats_taken - ? ELSE 0 END", n, n), "updated_at": tx.stamp()}).Error
}
