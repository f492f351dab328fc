package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"seminars/internal/model"
	"seminars/internal/store"
)

// throttleKeys are the subjects a sign-in attempt is counted under.
type throttleKeys struct {
	accountAtIP string // the strict limit: this account from this address
	ip          string // every account from this address
	account     string // this account from anywhere: only a back-off, never a refusal
}

func newThrottleKeys(email, ip string) throttleKeys {
	account := countable(strings.ToLower(strings.TrimSpace(email)))
	ip = countable(ip)
	return throttleKeys{
		accountAtIP: fit("account-ip:", account+"|"+ip),
		ip:          fit("ip:", ip),
		account:     fit("account:", account),
	}
}

// maxSubjectLen is the size of login_failures.subject.
const maxSubjectLen = 300

// fit is prefix+value, with the value hashed when the whole would not fit the column.
func fit(prefix, value string) string {
	if len(prefix)+len(value) <= maxSubjectLen {
		return prefix + value
	}
	sum := sha256.Sum256([]byte(value))
	return prefix + "sha256:" + hex.EncodeToString(sum[:])
}

// countable returns what was typed, or its hash when it is over-long or broken: every attempt
// must still be counted, and the key must fit the column on every database.
func countable(s string) string {
	if plausibleEmail(s) {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// plausibleEmail tells whether s can be a staff e-mail at all: valid UTF-8 without control
// characters that fits the column. Anything else is no account, and is never sent to the database
// as it is (PostgreSQL refuses invalid UTF-8 and NUL).
func plausibleEmail(s string) bool {
	if len(s) > 254 || !utf8.ValidString(s) {
		return false
	}
	return !strings.ContainsFunc(s, unicode.IsControl)
}

func (k throttleKeys) all() []string { return []string{k.accountAtIP, k.ip, k.account} }

// attempt is a sign-in counted before its password is checked.
type attempt struct {
	recordIDs       []uint // its failure records, taken back when the password is right
	accountFailures int64  // the account's failures from anywhere before this attempt
}

// reserveAttempt decides and records in one transaction: with the keys locked it counts the
// recent failures, refuses with model.ErrThrottled when a limit is reached, and otherwise records
// this attempt as a failure before anyone checks its password. Parallel guesses therefore see
// each other, and no more than the limit are ever checked.
func (s *Service) reserveAttempt(ctx context.Context, now time.Time, keys throttleKeys) (attempt, error) {
	limits := []limit{{keys.accountAtIP, s.settings.MaxAccountFailures}, {keys.ip, s.settings.MaxIPFailures}}
	return s.reserve(ctx, now, limits, keys.account, keys.all())
}

// limit is a key and the failures within the window that refuse it.
type limit struct {
	key   string
	limit int
}

// reserve is reserveAttempt for any keys: it refuses when one of limits is reached, counts the
// failures under counted (for a back-off; "" for none) and records one failure under each key of
// record.
func (s *Service) reserve(ctx context.Context, now time.Time, limits []limit, counted string, record []string) (attempt, error) {
	var att attempt
	since := now.Add(-s.settings.FailureWindow)
	locked := append([]string(nil), record...)
	if counted != "" {
		locked = append(locked, counted)
	}
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.LockLoginSubjects(ctx, locked); err != nil {
			return err
		}
		for _, l := range limits {
			n, err := tx.CountLoginFailures(ctx, l.key, since)
			if err != nil {
				return err
			}
			if n >= int64(l.limit) {
				return fmt.Errorf("%s: %w", strings.SplitN(l.key, ":", 2)[0], model.ErrThrottled)
			}
		}
		if counted != "" {
			n, err := tx.CountLoginFailures(ctx, counted, since)
			if err != nil {
				return err
			}
			att.accountFailures = n
		}
		var err error
		att.recordIDs, err = tx.RecordLoginFailure(ctx, record, now, s.settings.FailureWindow)
		return err
	})
	return att, err
}

// forgetAttempt takes back the records of an attempt whose password was never checked.
func (s *Service) forgetAttempt(ctx context.Context, att attempt) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteLoginFailures(ctx, att.recordIDs) })
}

// backoff is how long a sign-in waits before its check, given the account's failures from
// anywhere: nothing up to the account limit, then AccountBackoff more per failure, capped.
func (s *Service) backoff(accountFailures int64) time.Duration {
	over := accountFailures - int64(s.settings.MaxAccountFailures) + 1
	if over <= 0 {
		return 0
	}
	d := time.Duration(over) * s.settings.AccountBackoff
	return min(d, s.settings.MaxAccountBackoff)
}

// sleepContext waits d, or less when ctx ends first.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
