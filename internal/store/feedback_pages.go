package store

import (
	"context"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// FeedbackDatePages is FeedbackDatePage for many seminars in one query (per chunk of ids): the
// same page of each seminar's dates with answers, by seminar. A window numbers each seminar's
// dates, so the overview reads its seminars' first pages at once instead of once per seminar.
// The dates' totals are FeedbackTally.Dates.
func (q Reads) FeedbackDatePages(ctx context.Context, seminarIDs []uint, offset, limit int) (map[uint][]FeedbackDateTally, error) {
	out := map[uint][]FeedbackDateTally{}
	if len(seminarIDs) == 0 || limit <= 0 {
		return out, nil
	}
	var rows []struct {
		DateID uint
		FeedbackTally
	}
	err := inChunks(seminarIDs, func(ids []uint) error {
		numbered := q.db.WithContext(ctx).Table("feedback AS f").Joins("JOIN seminar_dates d ON d.id = f.date_id").
			Select("f.date_id AS date_id, f.seminar_id AS seminar_id, "+feedbackSums+
				", ROW_NUMBER() OVER (PARTITION BY f.seminar_id ORDER BY d.starts_at, f.date_id) AS rn", true, true).
			Where("f.seminar_id IN ? AND f.answered_at IS NOT NULL AND f.date_id IS NOT NULL", ids).
			Group("f.date_id, f.seminar_id, d.starts_at")
		var part []struct {
			DateID uint
			FeedbackTally
		}
		err := q.db.WithContext(ctx).Table("(?) AS t", numbered).Where("rn > ? AND rn <= ?", offset, offset+limit).
			Order("seminar_id, rn").Scan(&part).Error
		rows = append(rows, part...)
		return err
	})
	if err != nil {
		return nil, err
	}
	ids := make([]uint, len(rows))
	for i, r := range rows {
		ids[i] = r.DateID
	}
	byID, err := q.DatesByIDsChunked(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.SeminarID] = append(out[r.SeminarID], FeedbackDateTally{FeedbackTally: r.FeedbackTally, Date: byID[r.DateID]})
	}
	return out, nil
}

// AnsweredFeedbackPages is AnsweredFeedbackPage for many seminars in one query (per chunk of
// ids): page p of each seminar's answered feedback, newest first, by seminar.
func (q Reads) AnsweredFeedbackPages(ctx context.Context, seminarIDs []uint, p AnswerPage) (map[uint][]model.Feedback, error) {
	out := map[uint][]model.Feedback{}
	if len(seminarIDs) == 0 || p.Limit <= 0 {
		return out, nil
	}
	err := inChunks(seminarIDs, func(ids []uint) error {
		numbered := q.db.WithContext(ctx).Table("feedback").
			Select("feedback.*, ROW_NUMBER() OVER (PARTITION BY seminar_id ORDER BY answered_at DESC, id DESC) AS rn").
			Where("seminar_id IN ? AND answered_at IS NOT NULL", ids)
		if p.QuotesOnly {
			numbered = numbered.Where("quote_consent = ? AND comment <> ''", true)
		}
		var part []model.Feedback
		err := q.pageOf(ctx, numbered, p).Find(&part).Error
		for _, f := range part {
			out[f.SeminarID] = append(out[f.SeminarID], f)
		}
		return err
	})
	return out, err
}

// pageOf keeps rows Offset+1 to Offset+Limit of each seminar's numbered rows, in order.
func (q Reads) pageOf(ctx context.Context, numbered *gorm.DB, p AnswerPage) *gorm.DB {
	return q.db.WithContext(ctx).Table("(?) AS t", numbered).Where("rn > ? AND rn <= ?", p.Offset, p.Offset+p.Limit).
		Order("seminar_id, rn")
}

// DatesByIDsChunked is DatesByIDs for any number of ids, a bounded IN list at a time.
func (q Reads) DatesByIDsChunked(ctx context.Context, ids []uint) (map[uint]model.SeminarDate, error) {
	out := make(map[uint]model.SeminarDate, len(ids))
	err := inChunks(ids, func(part []uint) error {
		m, err := q.DatesByIDs(ctx, part)
		for id, d := range m {
			out[id] = d
		}
		return err
	})
	return out, err
}
