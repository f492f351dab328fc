package auth

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"errors"
	"fmt"
	"image/png"
	"strconv"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"seminars/internal/model"
	"seminars/internal/store"
)

// TOTP as authenticator apps expect it (RFC 6238 defaults): 6 digits, 30-second steps, SHA-1.
// One step of clock skew either way is accepted, so a code typed just as it changes still works.
const (
	totpPeriod       = 30
	totpSkew         = 1
	sealPurposeTOTP  = "totp"
	recoveryCodeLen  = 16 // characters of recoveryAlphabet: 80 bits
	recoveryAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
)

// RecoveryCodeCount is how many single-use recovery codes a user gets when TOTP is turned on.
const RecoveryCodeCount = 10

// errNoKeyring is a TOTP action before UseSecrets: a wiring mistake, not bad input.
var errNoKeyring = errors.New("auth: TOTP needs the server secret (UseSecrets)")

// Enrollment is what a user needs to add the account to an authenticator app: the otpauth:// URL
// (the QR code's content), the secret as text for typing in, and the QR code as a PNG.
type Enrollment struct {
	URL    string
	Secret string
	QRPNG  []byte
}

// BeginTOTP starts (or starts again) the setup of TOTP for a user without it: a new secret is
// stored sealed, not yet in force until ConfirmTOTP. A user whose TOTP is on gets
// model.ErrTOTPState.
func (s *Service) BeginTOTP(ctx context.Context, userID uint) error {
	if s.keys == nil {
		return errNoKeyring
	}
	u, err := s.store.StaffUserByID(ctx, userID)
	if err != nil {
		return err
	}
	if u.TOTPEnabled() {
		return model.ErrTOTPState
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: s.settings.TOTPIssuer, AccountName: u.Email, Period: totpPeriod})
	if err != nil {
		return err
	}
	sealed, err := s.keys.Seal(sealPurposeTOTP, userKey(u.ID), []byte(key.Secret()))
	if err != nil {
		return err
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.SetStaffTOTP(ctx, u.ID, sealed, nil, 0) })
}

// PendingEnrollment shows the secret of a setup begun and not yet confirmed (model.ErrTOTPState
// when there is none).
func (s *Service) PendingEnrollment(ctx context.Context, userID uint) (Enrollment, error) {
	u, err := s.store.StaffUserByID(ctx, userID)
	if err != nil {
		return Enrollment{}, err
	}
	if u.TOTPEnabled() || u.TOTPSecret == "" {
		return Enrollment{}, model.ErrTOTPState
	}
	secret, err := s.totpSecret(u)
	if err != nil {
		return Enrollment{}, err
	}
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer: s.settings.TOTPIssuer, AccountName: u.Email, Period: totpPeriod, Secret: decodeSecret(secret),
	})
	if err != nil {
		return Enrollment{}, err
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return Enrollment{}, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return Enrollment{}, err
	}
	return Enrollment{URL: key.URL(), Secret: groupSecret(key.Secret()), QRPNG: buf.Bytes()}, nil
}

// ConfirmTOTP turns TOTP on with a code from the app for the setup begun, and returns the new
// recovery codes (shown once; only their hashes are stored). When the session was made to set up
// TOTP before anything else, it is replaced by a signed-in one whose secret is returned (else
// ""). A wrong code is model.ErrBadCode; too many, model.ErrThrottled.
func (s *Service) ConfirmTOTP(ctx context.Context, sessionSecret, code, ip string) (codes []string, newSession string, err error) {
	sess, err := s.SessionAt(ctx, sessionSecret)
	if err != nil {
		return nil, "", err
	}
	u := *sess.User
	if u.TOTPEnabled() || u.TOTPSecret == "" {
		return nil, "", model.ErrTOTPState
	}
	now := s.now()
	err = s.checkCode(ctx, u, code, ip, now, false, func(tx *store.Tx, step int64) error {
		var hashes []string
		codes, hashes, err = newRecoveryCodes()
		if err != nil {
			return err
		}
		if err := tx.SetStaffTOTP(ctx, u.ID, u.TOTPSecret, &now, step); err != nil {
			return err
		}
		if err := tx.ReplaceRecoveryCodes(ctx, u.ID, hashes, now); err != nil {
			return err
		}
		if sess.Stage == model.SessionNeedsTOTP {
			if err := tx.DeleteStaffSession(ctx, sess.TokenHash); err != nil {
				return err
			}
			if newSession, err = s.createSession(ctx, tx, u.ID, now, model.SessionSignedIn); err != nil {
				return err
			}
		}
		return addAudit(ctx, tx, now, u.Email, model.AuditTOTPEnabled, "user "+u.Email,
			fmt.Sprintf("%d recovery codes issued", RecoveryCodeCount))
	})
	return codes, newSession, err
}

// CompleteSignIn takes the code (from the app, or a recovery code) of a session whose password
// was right, and replaces that session by a signed-in one, whose secret it returns. A wrong code
// is model.ErrBadCode, a TOTP code used already model.ErrCodeReplayed, too many wrong codes
// model.ErrThrottled.
func (s *Service) CompleteSignIn(ctx context.Context, sessionSecret, code, ip string) (string, model.StaffUser, error) {
	sess, err := s.SessionAt(ctx, sessionSecret)
	if err != nil {
		return "", model.StaffUser{}, err
	}
	if sess.Stage != model.SessionNeedsCode {
		return "", model.StaffUser{}, model.ErrTOTPState
	}
	u := *sess.User
	now := s.now()
	var secret string
	err = s.checkCode(ctx, u, code, ip, now, true, func(tx *store.Tx, _ int64) error {
		if err := tx.DeleteStaffSession(ctx, sess.TokenHash); err != nil {
			return err
		}
		secret, err = s.createSession(ctx, tx, u.ID, now, model.SessionSignedIn)
		return err
	})
	return secret, u, err
}

// DisableTOTP turns a user's TOTP off; it takes a current code (or a recovery code), so a
// browser left signed in is not enough. The recovery codes are deleted with it.
func (s *Service) DisableTOTP(ctx context.Context, userID uint, code, ip string) error {
	u, err := s.store.StaffUserByID(ctx, userID)
	if err != nil {
		return err
	}
	if !u.TOTPEnabled() {
		return model.ErrTOTPState
	}
	now := s.now()
	return s.checkCode(ctx, u, code, ip, now, true, func(tx *store.Tx, _ int64) error {
		return clearTOTP(ctx, tx, u, now, u.Email, model.AuditTOTPDisabled, "")
	})
}

// ResetTOTP takes TOTP away from a user who lost their phone and their recovery codes: an owner
// does it for another user, or the command line. The user's sessions end, and they sign in with
// the password alone (or set TOTP up again, when the owner requires it).
func (s *Service) ResetTOTP(ctx context.Context, actor, email string) error {
	u, err := s.store.StaffUserByEmail(ctx, email)
	if err != nil {
		return err
	}
	if u.TOTPSecret == "" {
		return model.ErrTOTPState
	}
	now := s.now()
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteStaffSessionsOf(ctx, u.ID); err != nil {
			return err
		}
		return clearTOTP(ctx, tx, u, now, actor, model.AuditTOTPReset, "sessions ended")
	})
}

// RecoveryCodesLeft counts a user's unused recovery codes.
func (s *Service) RecoveryCodesLeft(ctx context.Context, userID uint) (int64, error) {
	return s.store.CountUnusedRecoveryCodes(ctx, userID)
}

func clearTOTP(ctx context.Context, tx *store.Tx, u model.StaffUser, now time.Time, actor, action, detail string) error {
	if err := tx.SetStaffTOTP(ctx, u.ID, "", nil, 0); err != nil {
		return err
	}
	if err := tx.ReplaceRecoveryCodes(ctx, u.ID, nil, now); err != nil {
		return err
	}
	return addAudit(ctx, tx, now, actor, action, "user "+u.Email, detail)
}

// checkCode checks a code for u under the sign-in throttle and, when it is right, runs then in
// the transaction that records its use: the step of a TOTP code (so it cannot be used again) or
// the recovery code (when recovery is allowed). Wrong codes count as failed sign-ins of the
// account (from anywhere: whoever tries codes has the password) and of the address.
func (s *Service) checkCode(ctx context.Context, u model.StaffUser, code, ip string, now time.Time, recovery bool,
	then func(tx *store.Tx, step int64) error) error {
	if s.keys == nil {
		return errNoKeyring
	}
	if u.TOTPSecret == "" {
		// Turned off or reset meanwhile (e.g. from another browser): nothing to check against.
		return model.ErrTOTPState
	}
	account, address := fit("code:", userKey(u.ID)), fit("ip:", countable(ip))
	att, err := s.reserve(ctx, now, []limit{{account, s.settings.MaxAccountFailures}, {address, s.settings.MaxIPFailures}}, "",
		[]string{account, address})
	if err != nil {
		return err
	}
	secret, err := s.totpSecret(u)
	if err != nil {
		return err
	}
	normalized := normalizeCode(code)
	step, isTOTP := int64(0), isTOTPCode(normalized)
	if isTOTP {
		if step = matchStep(secret, normalized, now); step == 0 {
			return model.ErrBadCode
		}
	} else if !recovery || len(normalized) != recoveryCodeLen {
		return model.ErrBadCode
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if isTOTP {
			if ok, err := tx.AdvanceTOTPStep(ctx, u.ID, step); err != nil || !ok {
				return errors.Join(err, errIf(!ok, model.ErrCodeReplayed))
			}
		} else {
			ok, err := tx.UseRecoveryCode(ctx, u.ID, hashSecret("recovery:"+normalized), now)
			if err != nil || !ok {
				return errors.Join(err, errIf(!ok, model.ErrBadCode))
			}
			if err := addAudit(ctx, tx, now, u.Email, model.AuditRecoveryCodeUsed, "user "+u.Email, ""); err != nil {
				return err
			}
		}
		if err := tx.DeleteLoginFailures(ctx, att.recordIDs); err != nil {
			return err
		}
		if err := tx.ClearLoginFailures(ctx, account); err != nil {
			return err
		}
		return then(tx, step)
	})
	return err
}

func errIf(cond bool, err error) error {
	if cond {
		return err
	}
	return nil
}

// matchStep returns the time step within the skew whose code is code, or 0. Each candidate is
// compared in constant time.
func matchStep(secret, code string, now time.Time) int64 {
	opts := totp.ValidateOpts{Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}
	current := now.Unix() / totpPeriod
	var found int64
	for offset := int64(-totpSkew); offset <= totpSkew; offset++ {
		step := current + offset
		want, err := totp.GenerateCodeCustom(secret, time.Unix(step*totpPeriod, 0), opts)
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			found = step
		}
	}
	return found
}

// totpSecret opens a user's sealed TOTP secret (base32).
func (s *Service) totpSecret(u model.StaffUser) (string, error) {
	if s.keys == nil {
		return "", errNoKeyring
	}
	plain, err := s.keys.Open(sealPurposeTOTP, userKey(u.ID), u.TOTPSecret)
	if err != nil {
		return "", fmt.Errorf("totp secret of user %d: %w", u.ID, err)
	}
	return string(plain), nil
}

// newRecoveryCodes makes RecoveryCodeCount codes, shown as XXXX-XXXX-XXXX-XXXX, and the hashes
// to store. SHA-256 suffices: each code has 80 random bits.
func newRecoveryCodes() (codes, hashes []string, err error) {
	for range RecoveryCodeCount {
		raw := make([]byte, recoveryCodeLen)
		if _, err := rand.Read(raw); err != nil {
			return nil, nil, err
		}
		var b strings.Builder
		for i, r := range raw {
			if i > 0 && i%4 == 0 {
				b.WriteByte('-')
			}
			b.WriteByte(recoveryAlphabet[int(r)%len(recoveryAlphabet)]) // 256 is a multiple of 32: no bias
		}
		codes = append(codes, b.String())
		hashes = append(hashes, hashSecret("recovery:"+normalizeCode(b.String())))
	}
	return codes, hashes, nil
}

// normalizeCode is a code as typed, without spaces and dashes, in capitals.
func normalizeCode(code string) string {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) > 64 {
		return ""
	}
	return strings.NewReplacer(" ", "", "-", "").Replace(code)
}

func isTOTPCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	_, err := strconv.Atoi(s)
	return err == nil && !strings.ContainsAny(s, "+-")
}

// userKey identifies a user in sealed values and throttle keys.
func userKey(id uint) string { return "user:" + strconv.FormatUint(uint64(id), 10) }

// groupSecret shows a base32 secret in groups of four, easier to type into an app.
func groupSecret(secret string) string {
	var parts []string
	for len(secret) > 4 {
		parts = append(parts, secret[:4])
		secret = secret[4:]
	}
	return strings.Join(append(parts, secret), " ")
}

// addAudit records an account change in the transaction that makes it.
func addAudit(ctx context.Context, tx *store.Tx, now time.Time, actor, action, subject, detail string) error {
	return tx.AddAudit(ctx, &model.AuditEntry{CreatedAt: now.UTC(), Actor: actor, Action: action, Subject: subject, Detail: detail})
}

// decodeSecret turns the stored base32 secret back into its bytes (to rebuild the app's URL).
func decodeSecret(secret string) []byte {
	raw, _ := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	return raw
}
