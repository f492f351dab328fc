package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

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
	account := strings.ToLower(strings.TrimSpace(email))
	return throttleKeys{
		accountAtIP: "account-ip:" + account + "|" + ip,
		ip:          "ip:" + ip,
		account:     "account:" + account,
	}
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
	var att attempt
	since := now.Add(-s.settings.FailureWindow)
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.LockLoginSubjects(ctx, keys.all()); err != nil {
			return err
		}
		limits := []struct {
			key   string
			limit int
		}{{keys.accountAtIP, s.settings.MaxAccountFailures}, {keys.ip, s.settings.MaxIPFailures}}
		for _, l := range limits {
			n, err := tx.CountLoginFailures(ctx, l.key, since)
			if err != nil {
				return err
			}
			if n >= int64(l.limit) {
				return fmt.Errorf("%s: %w", strings.SplitN(l.key, ":", 2)[0], model.ErrThrottled)
			}
		}
		n, err := tx.CountLoginFailures(ctx, keys.account, since)
		if err != nil {
			return err
		}
		att.accountFailures = n
		att.recordIDs, err = tx.RecordLoginFailure(ctx, keys.all(), now, s.settings.FailureWindow)
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
