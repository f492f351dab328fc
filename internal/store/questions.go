package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// questionOrder orders a seminar's questions as the back office arranged them.
func questionOrder(db *gorm.DB) *gorm.DB { return db.Order("position, id") }

// QuestionsForSeminar returns a seminar's questions in their order.
func (q Reads) QuestionsForSeminar(ctx context.Context, seminarID uint) ([]model.SeminarQuestion, error) {
	var out []model.SeminarQuestion
	err := questionOrder(q.db.WithContext(ctx)).Where("seminar_id = ?", seminarID).Find(&out).Error
	return out, err
}

// AnswersOf returns the answers of the given attendees: attendee id → question id → value.
func (q Reads) AnswersOf(ctx context.Context, attendeeIDs ...uint) (map[uint]model.Answers, error) {
	out := map[uint]model.Answers{}
	if len(attendeeIDs) == 0 {
		return out, nil
	}
	var rows []model.AttendeeAnswer
	err := inChunks(attendeeIDs, func(ids []uint) error {
		var part []model.AttendeeAnswer
		err := q.db.WithContext(ctx).Where("attendee_id IN ?", ids).Find(&part).Error
		rows = append(rows, part...)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if out[r.AttendeeID] == nil {
			out[r.AttendeeID] = model.Answers{}
		}
		out[r.AttendeeID][r.QuestionID] = r.Value
	}
	return out, nil
}

// AnswerRowsOf returns an attendee's stored answers with their consent times (for the data
// export and the attendee page).
func (q Reads) AnswerRowsOf(ctx context.Context, attendeeID uint) ([]model.AttendeeAnswer, error) {
	var rows []model.AttendeeAnswer
	err := q.db.WithContext(ctx).Where("attendee_id = ?", attendeeID).Order("question_id").Find(&rows).Error
	return rows, err
}

// ReplaceQuestions makes qs a seminar's questions: a question with the id of one of the
// seminar's is updated, one without is added, and the seminar's questions missing from qs are
// deleted with their answers. A question whose kind changes loses its answers (they no longer
// fit), and one that becomes sensitive loses the answers given without the attendee's consent.
func (tx *Tx) ReplaceQuestions(ctx context.Context, seminarID uint, qs []model.SeminarQuestion) error {
	old, err := tx.QuestionsForSeminar(ctx, seminarID)
	if err != nil {
		return err
	}
	byID := map[uint]model.SeminarQuestion{}
	for _, o := range old {
		byID[o.ID] = o
	}
	db := tx.db.WithContext(ctx)
	for i := range qs {
		q := &qs[i]
		q.SeminarID, q.Position, q.UpdatedAt = seminarID, i, tx.stamp()
		prev, known := byID[q.ID]
		if !known {
			q.ID, q.CreatedAt = 0, tx.stamp()
			if err := db.Create(q).Error; err != nil {
				return err
			}
			continue
		}
		delete(byID, q.ID)
		q.CreatedAt = prev.CreatedAt
		if err := db.Model(q).Select("position", "kind", "label_de", "label_en", "options_de", "options_en",
			"required", "sensitive", "updated_at").Updates(q).Error; err != nil {
			return err
		}
		switch {
		case prev.Kind != q.Kind:
			err = db.Where("question_id = ?", q.ID).Delete(&model.AttendeeAnswer{}).Error
		case q.Sensitive && !prev.Sensitive:
			err = db.Where("question_id = ? AND consented_at IS NULL", q.ID).Delete(&model.AttendeeAnswer{}).Error
		}
		if err != nil {
			return err
		}
	}
	for id := range byID {
		if err := db.Where("question_id = ?", id).Delete(&model.AttendeeAnswer{}).Error; err != nil {
			return err
		}
		if err := db.Delete(&model.SeminarQuestion{}, id).Error; err != nil {
			return err
		}
	}
	return nil
}

// SaveAnswers stores an attendee's answers to the given questions: an empty value deletes the
// answer, any other replaces it. consentedAt is stamped on the answers to sensitive questions.
func (tx *Tx) SaveAnswers(ctx context.Context, attendeeID uint, questions []model.SeminarQuestion, answers model.Answers, consentedAt *time.Time) error {
	db := tx.db.WithContext(ctx)
	for _, q := range questions {
		if err := db.Where("attendee_id = ? AND question_id = ?", attendeeID, q.ID).Delete(&model.AttendeeAnswer{}).Error; err != nil {
			return err
		}
		v := answers[q.ID]
		if v == "" {
			continue
		}
		row := model.AttendeeAnswer{AttendeeID: attendeeID, QuestionID: q.ID, Value: v, CreatedAt: tx.stamp(), UpdatedAt: tx.stamp()}
		if q.Sensitive {
			row.ConsentedAt = consentedAt
		}
		if err := db.Create(&row).Error; err != nil {
			return err
		}
	}
	return nil
}

// DeleteAnswersOf deletes every answer of the given attendees (their seat went to someone else,
// they were removed or erased).
func (tx *Tx) DeleteAnswersOf(ctx context.Context, attendeeIDs ...uint) error {
	if len(attendeeIDs) == 0 {
		return nil
	}
	return tx.db.WithContext(ctx).Where("attendee_id IN ?", attendeeIDs).Delete(&model.AttendeeAnswer{}).Error
}

// DeleteSensitiveAnswersEndedBefore deletes the answers to sensitive questions of attendees
// whose date ended before the given time, and returns how many it deleted.
func (tx *Tx) DeleteSensitiveAnswersEndedBefore(ctx context.Context, before time.Time) (int64, error) {
	db := tx.db.WithContext(ctx)
	sensitive := db.Model(&model.SeminarQuestion{}).Select("id").Where("sensitive = ?", true)
	ended := db.Model(&model.Attendee{}).Select("attendees.id").
		Joins("JOIN bookings ON bookings.id = attendees.booking_id").
		Joins("JOIN seminar_dates ON seminar_dates.id = bookings.date_id").
		Where("seminar_dates.ends_at < ?", before.UTC())
	res := db.Where("question_id IN (?) AND attendee_id IN (?)", sensitive, ended).Delete(&model.AttendeeAnswer{})
	return res.RowsAffected, res.Error
}
