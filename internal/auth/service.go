package auth

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// Settings are the timeouts and limits of sign-in.
type Settings struct {
	IdleTimeout     time.Duration // a session unused this long ends
	AbsoluteTimeout time.Duration // a session ends this long after sign-in, whatever the activity
	// MaxAccountFailures and MaxIPFailures failed sign-ins within FailureWindow lock the account
	// or the client address until the oldest failure leaves the window.
	MaxAccountFailures int
	MaxIPFailures      int
	FailureWindow      time.Duration
}

// DefaultSettings are the values the service runs with unless configured otherwise. The IP limit
// is higher than the account limit because an office shares one address.
func DefaultSettings() Settings {
	return Settings{
		IdleTimeout: 2 * time.Hour, AbsoluteTimeout: 12 * time.Hour,
		MaxAccountFailures: 5, MaxIPFailures: 20, FailureWindow: 15 * time.Minute,
	}
}

// Service signs staff in and out and checks sessions and API tokens.
type Service struct {
	store    *store.Store
	settings Settings
	now      func() time.Time
	// dummyHash is verified against when an e-mail is unknown, so both cases take as long.
	dummyHash string
}

// New returns the service.
func New(st *store.Store, settings Settings, now func() time.Time) *Service {
	dummy, _ := HashPassword("not-a-real-password")
	return &Service{store: st, settings: settings, now: now, dummyHash: dummy}
}

// Settings returns the service's settings.
func (s *Service) Settings() Settings { return s.settings }

// SignIn checks e-mail and password from a client address and opens a new session. It returns
// the session's secret for the cookie. While the account or the address has too many recent
// failures it answers model.ErrThrottled without looking at the password.
func (s *Service) SignIn(ctx context.Context, email, password, ip string) (string, model.StaffUser, error) {
	now := s.now()
	accountKey := "account:" + strings.ToLower(strings.TrimSpace(email))
	ipKey := "ip:" + ip
	if err := s.checkThrottle(ctx, now, accountKey, ipKey); err != nil {
		return "", model.StaffUser{}, err
	}
	user, err := s.store.StaffUserByEmail(ctx, email)
	hash := user.PasswordHash
	if errors.Is(err, model.ErrNotFound) {
		hash = s.dummyHash
	} else if err != nil {
		return "", model.StaffUser{}, err
	}
	ok, verr := VerifyPassword(password, hash)
	if err != nil || verr != nil || !ok {
		if rerr := s.store.WithTx(ctx, func(tx *store.Tx) error {
			return tx.RecordLoginFailure(ctx, []string{accountKey, ipKey}, now, s.settings.FailureWindow)
		}); rerr != nil {
			return "", model.StaffUser{}, rerr
		}
		return "", model.StaffUser{}, model.ErrBadCredentials
	}
	secret, err := s.openSession(ctx, user.ID, now, accountKey)
	return secret, user, err
}

func (s *Service) checkThrottle(ctx context.Context, now time.Time, accountKey, ipKey string) error {
	since := now.Add(-s.settings.FailureWindow)
	limits := map[string]int{accountKey: s.settings.MaxAccountFailures, ipKey: s.settings.MaxIPFailures}
	for key, limit := range limits {
		n, err := s.store.CountLoginFailures(ctx, key, since)
		if err != nil {
			return err
		}
		if n >= int64(limit) {
			return fmt.Errorf("%s: %w", strings.SplitN(key, ":", 2)[0], model.ErrThrottled)
		}
	}
	return nil
}

// openSession starts a session and forgets the account's failed sign-ins: whoever knows the
// password should not stay a few typos away from a lock-out. The address's count stays, so
// one good account cannot be used to reset guessing from that address.
func (s *Service) openSession(ctx context.Context, userID uint, now time.Time, accountKey string) (string, error) {
	secret, hash, err := newSecret("")
	if err != nil {
		return "", err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteExpiredStaffSessions(ctx, now, s.settings.IdleTimeout); err != nil {
			return err
		}
		if err := tx.ClearLoginFailures(ctx, accountKey); err != nil {
			return err
		}
		return tx.CreateStaffSession(ctx, &model.StaffSession{
			TokenHash: hash, UserID: userID, CreatedAt: now.UTC(), LastSeenAt: now.UTC(),
			ExpiresAt: now.UTC().Add(s.settings.AbsoluteTimeout),
		})
	})
	return secret, err
}

// Session returns the user of a live session and records the activity. A session past its idle
// or absolute timeout is deleted and answers model.ErrUnauthenticated.
func (s *Service) Session(ctx context.Context, secret string) (model.StaffUser, error) {
	if secret == "" {
		return model.StaffUser{}, model.ErrUnauthenticated
	}
	hash := hashSecret(secret)
	sess, err := s.store.StaffSessionByHash(ctx, hash)
	if errors.Is(err, model.ErrNotFound) {
		return model.StaffUser{}, model.ErrUnauthenticated
	} else if err != nil {
		return model.StaffUser{}, err
	}
	now := s.now()
	if !now.Before(sess.ExpiresAt) || !now.Before(sess.LastSeenAt.Add(s.settings.IdleTimeout)) {
		_ = s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteStaffSession(ctx, hash) })
		return model.StaffUser{}, model.ErrUnauthenticated
	}
	// Write at most once a minute: the idle timeout does not need more precision.
	if now.Sub(sess.LastSeenAt) > time.Minute {
		if err := s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.TouchStaffSession(ctx, sess.ID, now) }); err != nil {
			return model.StaffUser{}, err
		}
	}
	return *sess.User, nil
}

// SignOut ends a session.
func (s *Service) SignOut(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteStaffSession(ctx, hashSecret(secret)) })
}

// AddUser creates a staff user. It returns a *model.ValidationError for a bad e-mail, role or
// too short a password, and one on "email" when the address is taken.
func (s *Service) AddUser(ctx context.Context, email, role, password string) (model.StaffUser, error) {
	fields := map[string]string{}
	if addr, err := mail.ParseAddress(email); err != nil || addr.Address != strings.TrimSpace(email) {
		fields["email"] = "error.email"
	}
	if !model.IsRole(role) {
		fields["role"] = "admin.error.role"
	}
	if len(password) < MinPasswordLength {
		fields["password"] = "admin.error.password_short"
	}
	if len(fields) > 0 {
		return model.StaffUser{}, &model.ValidationError{Fields: fields}
	}
	hash, err := HashPassword(password)
	if err != nil {
		return model.StaffUser{}, err
	}
	u := model.StaffUser{Email: email, Role: role, PasswordHash: hash}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateStaffUser(ctx, &u) })
	if store.IsUniqueViolation(err) {
		return model.StaffUser{}, &model.ValidationError{Fields: map[string]string{"email": "admin.error.email_taken"}}
	}
	return u, err
}

// SetPassword replaces a staff user's password and ends all their sessions, so whoever knew
// the old one is signed out everywhere.
func (s *Service) SetPassword(ctx context.Context, email, password string) error {
	if len(password) < MinPasswordLength {
		return &model.ValidationError{Fields: map[string]string{"password": "admin.error.password_short"}}
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error {
		u, err := tx.StaffUserByEmail(ctx, email)
		if err != nil {
			return err
		}
		if err := tx.SetStaffPassword(ctx, u.ID, hash); err != nil {
			return err
		}
		return tx.DeleteStaffSessionsOf(ctx, u.ID)
	})
}

// EnsureOwner creates an owner with email and password unless a user with that e-mail exists;
// it never overwrites an existing password. It tells whether it created the user.
func (s *Service) EnsureOwner(ctx context.Context, email, password string) (bool, error) {
	_, err := s.store.StaffUserByEmail(ctx, email)
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, model.ErrNotFound) {
		return false, err
	}
	if _, err := s.AddUser(ctx, email, model.RoleOwner, password); err != nil {
		return false, err
	}
	return true, nil
}

// CreateAPIToken makes a new admin API token and returns its secret, which is shown once.
func (s *Service) CreateAPIToken(ctx context.Context, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return "", &model.ValidationError{Fields: map[string]string{"name": "error.required"}}
	}
	secret, hash, err := newSecret("sem_")
	if err != nil {
		return "", err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error {
		return tx.CreateAPIToken(ctx, &model.APIToken{Name: name, TokenHash: hash, CreatedAt: s.now().UTC()})
	})
	return secret, err
}

// CheckAPIToken returns the API token a bearer secret belongs to, or model.ErrUnauthenticated.
func (s *Service) CheckAPIToken(ctx context.Context, secret string) (model.APIToken, error) {
	if secret == "" {
		return model.APIToken{}, model.ErrUnauthenticated
	}
	t, err := s.store.APITokenByHash(ctx, hashSecret(secret))
	if errors.Is(err, model.ErrNotFound) {
		return model.APIToken{}, model.ErrUnauthenticated
	}
	if err != nil {
		return t, err
	}
	// Record use at most once a minute: the list of tokens only needs to show stale ones.
	if now := s.now(); t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		err = s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.TouchAPIToken(ctx, t.ID, now) })
	}
	return t, err
}

// RevokeAPIToken deletes an API token; requests with it get 401 from then on.
func (s *Service) RevokeAPIToken(ctx context.Context, id uint) error {
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteAPIToken(ctx, id) })
}
