package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"seminars/internal/model"
)

// CreateStaffUser inserts a staff user; a taken e-mail fails with a unique violation.
func (q Queries) CreateStaffUser(ctx context.Context, u *model.StaffUser) error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	return q.db.WithContext(ctx).Create(u).Error
}

// StaffUserByEmail returns the staff user with an e-mail (case-insensitive).
func (q Queries) StaffUserByEmail(ctx context.Context, email string) (model.StaffUser, error) {
	var u model.StaffUser
	err := q.db.WithContext(ctx).Where("email = ?", strings.ToLower(strings.TrimSpace(email))).First(&u).Error
	return u, notFound(err, "staff user "+email)
}

// SetStaffPassword replaces a staff user's password hash.
func (q Queries) SetStaffPassword(ctx context.Context, id uint, hash string) error {
	return q.db.WithContext(ctx).Model(&model.StaffUser{}).Where("id = ?", id).
		Updates(map[string]any{"password_hash": hash, "updated_at": time.Now().UTC()}).Error
}

// CountStaffUsers returns how many staff users exist.
func (q Queries) CountStaffUsers(ctx context.Context) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.StaffUser{}).Count(&n).Error
	return n, err
}

// CreateStaffSession inserts a session.
func (q Queries) CreateStaffSession(ctx context.Context, s *model.StaffSession) error {
	return q.db.WithContext(ctx).Create(s).Error
}

// StaffSessionByHash returns a session with its user.
func (q Queries) StaffSessionByHash(ctx context.Context, hash string) (model.StaffSession, error) {
	var s model.StaffSession
	err := q.db.WithContext(ctx).Preload("User").Where("token_hash = ?", hash).First(&s).Error
	if err == nil && s.User == nil {
		return s, notFound(nil, "staff session user")
	}
	return s, notFound(err, "staff session")
}

// TouchStaffSession records activity on a session (for the idle timeout).
func (q Queries) TouchStaffSession(ctx context.Context, id uint, at time.Time) error {
	return q.db.WithContext(ctx).Model(&model.StaffSession{}).Where("id = ?", id).Update("last_seen_at", at.UTC()).Error
}

// DeleteStaffSession removes a session by its hash (sign-out, or a session that ran out).
func (q Queries) DeleteStaffSession(ctx context.Context, hash string) error {
	return q.db.WithContext(ctx).Where("token_hash = ?", hash).Delete(&model.StaffSession{}).Error
}

// DeleteStaffSessionsOf ends every session of a user.
func (q Queries) DeleteStaffSessionsOf(ctx context.Context, userID uint) error {
	return q.db.WithContext(ctx).Where("user_id = ?", userID).Delete(&model.StaffSession{}).Error
}

// DeleteExpiredStaffSessions removes sessions past their absolute end or idle for longer than idle.
func (q Queries) DeleteExpiredStaffSessions(ctx context.Context, now time.Time, idle time.Duration) error {
	return q.db.WithContext(ctx).Where("expires_at <= ? OR last_seen_at <= ?", now.UTC(), now.UTC().Add(-idle)).
		Delete(&model.StaffSession{}).Error
}

// RecordLoginFailure stores one failed sign-in under each key, and forgets failures older than
// the window so the table stays small.
func (q Queries) RecordLoginFailure(ctx context.Context, keys []string, at time.Time, window time.Duration) error {
	db := q.db.WithContext(ctx)
	for _, k := range keys {
		if err := db.Create(&model.LoginFailure{Subject: k, CreatedAt: at.UTC()}).Error; err != nil {
			return err
		}
	}
	return db.Where("created_at < ?", at.UTC().Add(-window)).Delete(&model.LoginFailure{}).Error
}

// CountLoginFailures counts the failures under a key since a moment.
func (q Queries) CountLoginFailures(ctx context.Context, key string, since time.Time) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.LoginFailure{}).Where("subject = ? AND created_at > ?", key, since.UTC()).Count(&n).Error
	return n, err
}

// ClearLoginFailures forgets the failures under a key (after a successful sign-in).
func (q Queries) ClearLoginFailures(ctx context.Context, key string) error {
	return q.db.WithContext(ctx).Where("subject = ?", key).Delete(&model.LoginFailure{}).Error
}

// CreateAPIToken inserts an API token (its hash).
func (q Queries) CreateAPIToken(ctx context.Context, t *model.APIToken) error {
	return q.db.WithContext(ctx).Create(t).Error
}

// APITokenByHash returns the API token with a hash.
func (q Queries) APITokenByHash(ctx context.Context, hash string) (model.APIToken, error) {
	var t model.APIToken
	err := q.db.WithContext(ctx).Where("token_hash = ?", hash).First(&t).Error
	return t, notFound(err, "api token")
}

// StaffUsers returns every staff user by e-mail.
func (q Queries) StaffUsers(ctx context.Context) ([]model.StaffUser, error) {
	var out []model.StaffUser
	err := q.db.WithContext(ctx).Order("email").Find(&out).Error
	return out, err
}

// APITokens returns every API token, newest first.
func (q Queries) APITokens(ctx context.Context) ([]model.APIToken, error) {
	var out []model.APIToken
	err := q.db.WithContext(ctx).Order("created_at DESC, id DESC").Find(&out).Error
	return out, err
}

// DeleteAPIToken revokes an API token.
func (q Queries) DeleteAPIToken(ctx context.Context, id uint) error {
	res := q.db.WithContext(ctx).Where("id = ?", id).Delete(&model.APIToken{})
	if res.Error == nil && res.RowsAffected == 0 {
		return fmt.Errorf("api token %d: %w", id, model.ErrNotFound)
	}
	return res.Error
}

// TouchAPIToken records when a token was last used.
func (q Queries) TouchAPIToken(ctx context.Context, id uint, at time.Time) error {
	return q.db.WithContext(ctx).Model(&model.APIToken{}).Where("id = ?", id).Update("last_used_at", at.UTC()).Error
}
