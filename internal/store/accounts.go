package store

import (
	"context"
	"time"

	"seminars/internal/model"
)

// StaffUserByID returns a staff user.
func (q Reads) StaffUserByID(ctx context.Context, id uint) (model.StaffUser, error) {
	var u model.StaffUser
	err := q.db.WithContext(ctx).First(&u, id).Error
	return u, notFound(err, "staff user")
}

// SetStaffTOTP stores a user's sealed TOTP secret, when it was confirmed (nil = not yet, or
// off) and the last accepted step; an empty secret turns TOTP off.
func (tx *Tx) SetStaffTOTP(ctx context.Context, id uint, sealed string, enabledAt *time.Time, lastStep int64) error {
	var at any
	if enabledAt != nil {
		at = enabledAt.UTC()
	}
	res := tx.db.WithContext(ctx).Model(&model.StaffUser{}).Where("id = ?", id).
		Updates(map[string]any{"totp_secret": sealed, "totp_enabled_at": at, "totp_last_step": lastStep, "updated_at": tx.stamp()})
	if res.Error == nil && res.RowsAffected == 0 {
		return notFound(nil, "staff user")
	}
	return res.Error
}

// AdvanceTOTPStep records step as the user's last accepted TOTP step if it is later than the
// one stored, and tells whether it was: false means the code was used already (a replay), also
// when two requests with the same code race.
func (tx *Tx) AdvanceTOTPStep(ctx context.Context, id uint, step int64) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.StaffUser{}).Where("id = ? AND totp_last_step < ?", id, step).
		Update("totp_last_step", step)
	return res.RowsAffected == 1, res.Error
}

// ReplaceRecoveryCodes deletes a user's recovery codes and stores new ones (their hashes).
func (tx *Tx) ReplaceRecoveryCodes(ctx context.Context, userID uint, hashes []string, at time.Time) error {
	db := tx.db.WithContext(ctx)
	if err := db.Where("user_id = ?", userID).Delete(&model.StaffRecoveryCode{}).Error; err != nil {
		return err
	}
	for _, h := range hashes {
		if err := db.Create(&model.StaffRecoveryCode{UserID: userID, CodeHash: h, CreatedAt: at.UTC()}).Error; err != nil {
			return err
		}
	}
	return nil
}

// UseRecoveryCode marks a user's unused recovery code as used and tells whether there was one:
// a code works once, also when two requests race.
func (tx *Tx) UseRecoveryCode(ctx context.Context, userID uint, hash string, at time.Time) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.StaffRecoveryCode{}).
		Where("user_id = ? AND code_hash = ? AND used_at IS NULL", userID, hash).Update("used_at", at.UTC())
	return res.RowsAffected == 1, res.Error
}

// CountUnusedRecoveryCodes counts the recovery codes a user has left.
func (q Reads) CountUnusedRecoveryCodes(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := q.db.WithContext(ctx).Model(&model.StaffRecoveryCode{}).Where("user_id = ? AND used_at IS NULL", userID).Count(&n).Error
	return n, err
}

// CreatePasswordReset stores a reset link (its hash) and deletes the user's earlier unused
// links: the newest mail is the one that works.
func (tx *Tx) CreatePasswordReset(ctx context.Context, r *model.PasswordReset) error {
	db := tx.db.WithContext(ctx)
	if err := db.Where("user_id = ? AND used_at IS NULL", r.UserID).Delete(&model.PasswordReset{}).Error; err != nil {
		return err
	}
	return db.Create(r).Error
}

// PasswordResetByHash returns a reset link with its user.
func (q Reads) PasswordResetByHash(ctx context.Context, hash string) (model.PasswordReset, error) {
	var r model.PasswordReset
	err := q.db.WithContext(ctx).Preload("User").Where("token_hash = ?", hash).First(&r).Error
	if err == nil && r.User == nil {
		return r, notFound(nil, "password reset user")
	}
	return r, notFound(err, "password reset")
}

// UsePasswordReset marks an unused reset link as used and tells whether it was unused, so two
// requests with one link set one password.
func (tx *Tx) UsePasswordReset(ctx context.Context, id uint, at time.Time) (bool, error) {
	res := tx.db.WithContext(ctx).Model(&model.PasswordReset{}).Where("id = ? AND used_at IS NULL", id).Update("used_at", at.UTC())
	return res.RowsAffected == 1, res.Error
}

// DeleteStaleResets forgets reset links that ran out before a moment (used ones are kept until
// then too, so a second click still says "already used").
func (tx *Tx) DeleteStaleResets(ctx context.Context, before time.Time) error {
	return tx.db.WithContext(ctx).Where("expires_at < ?", before.UTC()).Delete(&model.PasswordReset{}).Error
}

// SetStaffSessionStage moves a session to another stage of sign-in.
func (tx *Tx) SetStaffSessionStage(ctx context.Context, id uint, stage model.SessionStage) error {
	return tx.db.WithContext(ctx).Model(&model.StaffSession{}).Where("id = ?", id).Update("stage", stage).Error
}
