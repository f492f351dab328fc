package backoffice

import (
	"context"

	"seminars/internal/model"
	"seminars/internal/store"
)

// SubmitInquiry stores a company's in-house inquiry in the admin inbox.
func (s *Service) SubmitInquiry(ctx context.Context, i *model.InhouseInquiry) error {
	i.Status = model.InquiryNew
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateInquiry(ctx, i) })
}

// SetInquiryStatus marks an inquiry handled (done) or open again (new).
func (s *Service) SetInquiryStatus(ctx context.Context, id uint, status string) error {
	if status != model.InquiryNew && status != model.InquiryDone {
		return model.ErrInvalidTransition
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.SetInquiryStatus(ctx, id, status) })
}
