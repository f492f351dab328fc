package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"seminars/internal/model"
)

// CreateStaffUser inserts a staff user; a taken e-mail fails with a unique violation.
func (tx *Tx) CreateStaffUser(ctx context.Context, u *model.StaffUser) error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	return tx.db.WithContext(ctx).Create(u).Error
}

// StaffUserByEmail returns the staff user with an e-mail (case-insensitive).
func (q Reads) StaffUserByEmail(ctx context.Context, email string) (model.StaffUser, error) {
	var u model.StaffUser
	err := q.db.WithContext(ctx).Where("email = ?", strings.ToLower(strings.TrimSpace(email))).First(&u).Error
	return u, notFound(err, "staff user "+email)
}

// SetStaffPassword replaces a staff user's password hash.
func (tx *Tx) SetStaffPassword(ctx context.Context, id uint, hash string) error {
	return tx.db.WithContext(ctx).Model(&model.StaffUser{}).Where("id = ?", id).
		Updates(map[string]any{"password_hash": hash, "updated_at": tx.stamp()}).Error
}

// CountStaffUsers returns how many staff users exist.
func (q Reads) CountStaffUsers(ctx context.Context) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.StaffUser{}).Count(&n).Error
	return n, err
}

// CreateStaffSession inserts a session.
func (tx *Tx) CreateStaffSession(ctx context.Context, s *model.StaffSession) error {
	return tx.db.WithContext(ctx).Create(s).Error
}

// StaffSessionByHash returns a session with its user.
func (q Reads) StaffSessionByHash(ctx context.Context, hash string) (model.StaffSession, error) {
	var s model.StaffSession
	err := q.db.WithContext(ctx).Preload("User").Where("token_hash = ?", hash).First(&s).Error
	if err == nil && s.User == nil {
		return s, notFound(nil, "staff session user")
	}
	return s, notFound(err, "staff session")
}

// TouchStaffSession records activity on a session (for the idle timeout).
func (tx *Tx) TouchStaffSession(ctx context.Context, id uint, at time.Time) error {
	return tx.db.WithContext(ctx).Model(&model.StaffSession{}).Where("id = ?", id).Update("last_seen_at", at.UTC()).Error
}

// DeleteStaffSession removes a session by its hash (sign-out, or a session that ran out).
func (tx *Tx) DeleteStaffSession(ctx context.Context, hash string) error {
	return tx.db.WithContext(ctx).Where("token_hash = ?", hash).Delete(&model.StaffSession{}).Error
}

// DeleteStaffSessionsOf ends every session of a user.
func (tx *Tx) DeleteStaffSessionsOf(ctx context.Context, userID uint) error {
	return tx.db.WithContext(ctx).Where("user_id = ?", userID).Delete(&model.StaffSession{}).Error
}

// DeleteExpiredStaffSessions removes sessions past their absolute end or idle for longer than idle.
func (tx *Tx) DeleteExpiredStaffSessions(ctx context.Context, now time.Time, idle time.Duration) error {
	return tx.db.WithContext(ctx).Where("expires_at <= ? OR last_seen_at <= ?", now.UTC(), now.UTC().Add(-idle)).
		Delete(&model.StaffSession{}).Error
}

// loginThrottleLockClass is the first key of the PostgreSQL advisory locks that serialize sign-in
// attempts per subject; the second is the subject's hash. A constant class keeps these locks
// apart from any other advisory lock.
const loginThrottleLockClass = 7341

// LockLoginSubjects makes the rest of the transaction the only one counting and recording
// sign-in attempts under these keys, so parallel guesses are counted one after another. On
// PostgreSQL it takes a transaction-scoped advisory lock per key (sorted, so two attempts never
// wait on each other); on SQLite the write transaction is already exclusive.
func (tx *Tx) LockLoginSubjects(ctx context.Context, keys []string) error {
	if tx.db.Dialector.Name() != "postgres" {
		return nil
	}
	sorted := append([]string(nil), keys...)
	sort.Strings(sorted)
	for _, k := range sorted {
		if err := tx.db.WithContext(ctx).Exec("SELECT pg_advisory_xact_lock(?, hashtext(?))", loginThrottleLockClass, k).Error; err != nil {
			return err
		}
	}
	return nil
}

// RecordLoginFailure stores one failed sign-in under each key, forgets failures older than the
// window so the table stays small, and returns the ids of the new records (so an attempt that
// turns out right can take its own records back).
func (tx *Tx) RecordLoginFailure(ctx context.Context, keys []string, at time.Time, window time.Duration) ([]uint, error) {
	db := tx.db.WithContext(ctx)
	ids := make([]uint, 0, len(keys))
	for _, k := range keys {
		f := model.LoginFailure{Subject: k, CreatedAt: at.UTC()}
		if err := db.Create(&f).Error; err != nil {
			return nil, err
		}
		ids = append(ids, f.ID)
	}
	return ids, db.Where("created_at < ?", at.UTC().Add(-window)).Delete(&model.LoginFailure{}).Error
}

// DeleteLoginFailures forgets the failure records with these ids.
func (tx *Tx) DeleteLoginFailures(ctx context.Context, ids []uint) error {
	if len(ids) == 0 {
		return nil
	}
	return tx.db.WithContext(ctx).Where("id IN ?", ids).Delete(&model.LoginFailure{}).Error
}

// CountLoginFailures counts the failures under a key since a moment.
func (q Reads) CountLoginFailures(ctx context.Context, key string, since time.Time) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.LoginFailure{}).Where("subject = ? AND created_at > ?", key, since.UTC()).Count(&n).Error
	return n, err
}

// ClearLoginFailures forgets the failures under some keys (after a successful sign-in).
func (tx *Tx) ClearLoginFailures(ctx context.Context, keys ...string) error {
	if len(keys) == 0 {
		return nil
	}
	return tx.db.WithContext(ctx).Where("subject IN ?", keys).Delete(&model.LoginFailure{}).Error
}

// CreateAPIToken inserts an API token (its hash).
func (tx *Tx) CreateAPIToken(ctx context.Context, t *model.APIToken) error {
	return tx.db.WithContext(ctx).Create(t).Error
}

// APITokenByHash returns the API token with a hash.
func (q Reads) APITokenByHash(ctx context.Context, hash string) (model.APIToken, error) {
	var t model.APIToken
	err := q.db.WithContext(ctx).Where("token_hash = ?", hash).First(&t).Error
	return t, notFound(err, "api token")
}

// StaffUsers returns every staff user by e-mail.
func (q Reads) StaffUsers(ctx context.Context) ([]model.StaffUser, error) {
	var out []model.StaffUser
	err := q.db.WithContext(ctx).Order("email").Find(&out).Error
	return out, err
}

// APITokens returns every API token, newest first.
func (q Reads) APITokens(ctx context.Context) ([]model.APIToken, error) {
	var out []model.APIToken
	err := q.db.WithContext(ctx).Order("created_at DESC, id DESC").Find(&out).Error
	return out, err
}

// DeleteAPIToken revokes an API token.
func (tx *Tx) DeleteAPIToken(ctx context.Context, id uint) error {
	res := tx.db.WithContext(ctx).Where("id = ?", id).Delete(&model.APIToken{})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("api token %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// TouchAPIToken records when a token was last used.
func (tx *Tx) TouchAPIToken(ctx context.Context, id uint, at time.Time) error {
	return tx.db.WithContext(ctx).Model(&model.APIToken{}).Where("id = ?", id).Update("last_used_at", at.UTC()).Error
}
