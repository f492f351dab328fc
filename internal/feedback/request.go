package feedback

import (
	"context"
	"fmt"

	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// RequestDue records the survey mail for every attendee due at now (checked in on a date that
// ended inside the survey period, consent given for their current address) and tells how many
// it recorded. Each request is a feedback row, unique per attendee and date, written in the
// transaction that also records the mail event: running the job twice — on one instance or on
// several at once — asks nobody twice, and an attendee who already answered on their page is
// not asked at all.
func (s *Service) RequestDue(ctx context.Context, now time.Time) (int, error) {
	if !s.Enabled() {
		return 0, nil
	}
	due, err := s.store.FeedbackDue(ctx, now.AddDate(0, 0, -s.s.Days), now)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, d := range due {
		var added bool
		err := s.store.WithTx(ctx, func(tx *store.Tx) (err error) {
			added, err = request(ctx, tx, d, now)
			return err
		})
		if err != nil {
			return sent, fmt.Errorf("feedback request of attendee %d: %w", d.AttendeeID, err)
		}
		if added {
			sent++
		}
	}
	return sent, nil
}

// request records one survey request and its mail event, unless the pair has a row already.
func request(ctx context.Context, tx *store.Tx, d store.FeedbackDue, now time.Time) (bool, error) {
	at := now.UTC()
	attendee, date := d.AttendeeID, d.DateID
	f := model.Feedback{AttendeeID: &attendee, DateID: &date, SeminarID: d.SeminarID, RequestedAt: &at}
	if added, err := tx.RequestFeedback(ctx, &f); err != nil || !added {
		return false, err
	}
	key := model.TopicMailEvent.Key(fmt.Sprintf("%s:attendee:%d:date:%d", model.EventFeedbackRequest, d.AttendeeID, d.DateID))
	err := store.EnqueueJSON(ctx, tx, model.TopicMailEvent, key, model.EventPayload{
		Event: model.EventFeedbackRequest, BookingID: d.BookingID, DateID: d.DateID, AttendeeID: d.AttendeeID,
	})
	return err == nil, err
}
