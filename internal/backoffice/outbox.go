package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// ResendOutboxItem puts a failed (parked) outbox item back in the queue with a fresh count of
// attempts, for the worker's next round, and records who did it. An item that is pending or done
// is model.ErrInvalidTransition and nothing changes.
func (s *Service) ResendOutboxItem(ctx context.Context, actor string, id uint) (model.OutboxItem, error) {
	var item model.OutboxItem
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.ResendOutboxItem(ctx, id, s.now().UTC()); err != nil {
			return err
		}
		var err error
		if item, err = tx.OutboxItemByID(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditOutboxResent, fmt.Sprintf("outbox %d", id), "topic: "+string(item.Topic)+"; key: "+item.Key)
	})
	return item, err
}
