package backoffice

import (
	"context"
	"fmt"

	"seminars/internal/auth"
	"seminars/internal/model"
	"seminars/internal/store"
)

// AddStaffUser creates a back-office account and its audit entry in one transaction. A bad
// e-mail, role or password, or a taken address, is a *model.ValidationError (auth.NewStaffUser).
func (s *Service) AddStaffUser(ctx context.Context, actor, email, role, password string) (model.StaffUser, error) {
	u, err := auth.NewStaffUser(email, role, password) // hashing is slow: before the transaction
	if err != nil {
		return model.StaffUser{}, err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := auth.CreateStaffUser(ctx, tx, &u); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditUserAdded, "user "+u.Email, "role: "+u.Role)
	})
	if err != nil {
		return model.StaffUser{}, err
	}
	return u, nil
}

// CreateAPIToken makes an admin API token with a role and its audit entry in one transaction,
// and returns the token's secret, which is shown once.
func (s *Service) CreateAPIToken(ctx context.Context, actor, name, role string) (string, error) {
	secret, t, err := auth.NewAPIToken(name, role, s.now())
	if err != nil {
		return "", err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateAPIToken(ctx, &t); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditTokenCreated, "token "+t.Name, "role: "+t.Role)
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}

// RevokeAPIToken deletes an API token (requests with it get 401 from then on) and records who
// did it, in one transaction.
func (s *Service) RevokeAPIToken(ctx context.Context, actor string, id uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteAPIToken(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, model.AuditTokenRevoked, fmt.Sprintf("token %d", id), "")
	})
}
