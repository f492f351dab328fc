package auth

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// RequestPasswordReset mails a staff user a link to set a new password, valid ResetLinkTTL and
// good for one use. The answer never tells whether the address has an account: an unknown
// address, and an account that asked too often in the window (MaxAccountFailures; no mail bomb),
// return nil like a mailed link. Only too many requests from one address answer
// model.ErrThrottled, which says nothing about any account. lang is the mail's language.
func (s *Service) RequestPasswordReset(ctx context.Context, email, ip, lang string) error {
	now := s.now()
	typed := countable(strings.ToLower(strings.TrimSpace(email)))
	account, address := fit("reset-account:", typed), fit("reset-ip:", countable(ip))
	if _, err := s.reserve(ctx, now, []limit{{address, s.settings.MaxIPFailures}}, "", []string{address}); err != nil {
		return err
	}
	// The account's own limit is checked apart, so that hitting it looks like success.
	if _, err := s.reserve(ctx, now, []limit{{account, s.settings.MaxAccountFailures}}, "", []string{account}); errors.Is(err, model.ErrThrottled) {
		return nil
	} else if err != nil {
		return err
	}
	if !plausibleEmail(typed) {
		return nil
	}
	u, err := s.store.StaffUserByEmail(ctx, typed)
	if errors.Is(err, model.ErrNotFound) {
		return nil
	} else if err != nil {
		return err
	}
	token, hash, err := newSecret("")
	if err != nil {
		return err
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteStaleResets(ctx, now); err != nil {
			return err
		}
		r := model.PasswordReset{UserID: u.ID, TokenHash: hash, CreatedAt: now.UTC(), ExpiresAt: now.UTC().Add(s.settings.ResetLinkTTL)}
		if err := tx.CreatePasswordReset(ctx, &r); err != nil {
			return err
		}
		ev := model.EventPayload{Event: model.EventPasswordReset, Lang: lang,
			Extra: model.EventExtra{Email: u.Email, ResetToken: token, Until: r.ExpiresAt.Format(time.RFC3339)}}
		key := model.TopicMailEvent.Key(string(model.EventPasswordReset) + ":" + strconv.FormatUint(uint64(r.ID), 10))
		if err := store.EnqueueJSON(ctx, tx, model.TopicMailEvent, key, ev); err != nil {
			return err
		}
		return addAudit(ctx, tx, now, u.Email, model.AuditPasswordResetRequested, "user "+u.Email, "from "+ip)
	})
}

// CheckPasswordReset tells whether a reset link works now: model.ErrResetUnknown,
// model.ErrResetExpired or model.ErrResetUsed when it does not.
func (s *Service) CheckPasswordReset(ctx context.Context, token string) (model.PasswordReset, error) {
	if token == "" || len(token) > 100 {
		return model.PasswordReset{}, model.ErrResetUnknown
	}
	r, err := s.store.PasswordResetByHash(ctx, hashSecret(token))
	switch {
	case errors.Is(err, model.ErrNotFound):
		return r, model.ErrResetUnknown
	case err != nil:
		return r, err
	case r.UsedAt != nil:
		return r, model.ErrResetUsed
	case !s.now().Before(r.ExpiresAt):
		return r, model.ErrResetExpired
	}
	return r, nil
}

// ResetPassword sets the new password of a reset link's user, uses the link up and ends every
// session of that user. A password against the rules is a *model.ValidationError (nothing used
// up); a link that does not work, one of CheckPasswordReset's errors. Wrong links count as failed
// sign-ins of the client address and are throttled like them.
func (s *Service) ResetPassword(ctx context.Context, token, password, confirm, ip string) (model.StaffUser, error) {
	if fields := passwordProblems(password, confirm); len(fields) > 0 {
		return model.StaffUser{}, &model.ValidationError{Fields: fields}
	}
	now := s.now()
	address := fit("ip:", countable(ip))
	att, err := s.reserve(ctx, now, []limit{{address, s.settings.MaxIPFailures}}, "", []string{address})
	if err != nil {
		return model.StaffUser{}, err
	}
	r, err := s.CheckPasswordReset(ctx, token)
	if err != nil {
		return model.StaffUser{}, err
	}
	hash, err := HashPassword(password) // slow on purpose: before the transaction
	if err != nil {
		return model.StaffUser{}, err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if ok, err := tx.UsePasswordReset(ctx, r.ID, now); err != nil || !ok {
			return errors.Join(err, errIf(!ok, model.ErrResetUsed))
		}
		if err := tx.DeleteLoginFailures(ctx, att.recordIDs); err != nil {
			return err
		}
		if err := tx.SetStaffPassword(ctx, r.UserID, hash); err != nil {
			return err
		}
		if err := tx.DeleteStaffSessionsOf(ctx, r.UserID); err != nil {
			return err
		}
		return addAudit(ctx, tx, now, r.User.Email, model.AuditPasswordReset, "user "+r.User.Email,
			"by mail link from "+ip+"; sessions ended")
	})
	return *r.User, err
}

// passwordProblems checks a new password against the rules every staff password follows, and
// that the confirmation matches.
func passwordProblems(password, confirm string) map[string]string {
	fields := map[string]string{}
	switch {
	case len(password) > model.MaxPasswordLen:
		fields["password"] = "error.too_long"
	case len(password) < MinPasswordLength:
		fields["password"] = "admin.error.password_short"
	case password != confirm:
		fields["password_confirm"] = "account.error.password_mismatch"
	}
	return fields
}
