package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/booking"

	"seminars/internal/model"
	"seminars/internal/store"
)

// SubmitInquiry stores a company's in-house inquiry in the admin inbox and, in the same
// transaction, the event whose mails tell the owners and confirm it to the requester.
func (s *Service) SubmitInquiry(ctx context.Context, i *model.InhouseInquiry) error {
	i.Status = model.InquiryNew
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateInquiry(ctx, i); err != nil {
			return err
		}
		return booking.Notify(ctx, tx, fmt.Sprint(i.ID), model.EventPayload{
			Event: model.EventInquiryReceived, Extra: model.EventExtra{InquiryID: i.ID},
		})
	})
}

// SetInquiryStatus marks an inquiry handled (done) or open again (new).
func (s *Service) SetInquiryStatus(ctx context.Context, id uint, status string) error {
	if status != model.InquiryNew && status != model.InquiryDone {
		return model.ErrInvalidTransition
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.SetInquiryStatus(ctx, id, status) })
}
