package auth

import (
	"context"
	"errors"
	"strings"
	"time"

	"golang.org/x/sync/semaphore"

	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// Settings are the timeouts and limits of sign-in.
type Settings struct {
	IdleTimeout     time.Duration // a session unused this long ends
	AbsoluteTimeout time.Duration // a session ends this long after sign-in, whatever the activity
	// MaxAccountFailures failed sign-ins to one account from one client address within
	// FailureWindow refuse that account from that address, and MaxIPFailures refuse the address
	// for every account, until the oldest failure leaves the window. Failures of an account from
	// all addresses together only slow its sign-in down (AccountBackoff), never refuse it, so
	// nobody can lock the owner out from elsewhere.
	MaxAccountFailures int
	MaxIPFailures      int
	FailureWindow      time.Duration
	// AccountBackoff is the delay per account-wide failure beyond MaxAccountFailures, at most
	// MaxAccountBackoff.
	AccountBackoff    time.Duration
	MaxAccountBackoff time.Duration
	// MaxConcurrentChecks caps the argon2id checks running at once (each takes 19 MiB), and a
	// sign-in waits at most CheckWait for one before it answers model.ErrSignInBusy.
	MaxConcurrentChecks int
	CheckWait           time.Duration

	// RequireTOTP makes every staff user without TOTP set it up at their next sign-in before
	// anything else (the owner's setting require_totp).
	RequireTOTP bool
	// PendingTimeout is how long a half-signed-in session (password right, code or TOTP setup
	// still due) lasts.
	PendingTimeout time.Duration
	// ResetLinkTTL is how long a mailed password reset link works.
	ResetLinkTTL time.Duration
	// TOTPIssuer names the service in the authenticator app.
	TOTPIssuer string
}

// DefaultSettings are the values the service runs with unless configured otherwise. The IP limit
// is higher than the account limit because an office shares one address.
func DefaultSettings() Settings {
	return Settings{
		IdleTimeout: 2 * time.Hour, AbsoluteTimeout: 12 * time.Hour,
		MaxAccountFailures: 5, MaxIPFailures: 20, FailureWindow: 15 * time.Minute,
		AccountBackoff: time.Second, MaxAccountBackoff: 3 * time.Second,
		MaxConcurrentChecks: 2, CheckWait: 5 * time.Second,
		PendingTimeout: 15 * time.Minute, ResetLinkTTL: 30 * time.Minute, TOTPIssuer: "Seminars",
	}
}

// Service signs staff in and out and checks sessions and API tokens.
type Service struct {
	store    *store.Store
	settings Settings
	now      func() time.Time
	// dummyHash is verified against when an e-mail is unknown, so both cases take as long.
	dummyHash string
	checks    *semaphore.Weighted
	verify    func(password, encoded string) (bool, error)
	sleep     func(ctx context.Context, d time.Duration) error
	// keys seals the TOTP secrets; set by UseSecrets once the server secret is loaded.
	keys *secret.Keyring
}

// UseSecrets gives the service the keyring that seals TOTP secrets. The server secret is loaded
// after the schema is migrated, so this comes after New; without it TOTP actions fail.
func (s *Service) UseSecrets(k *secret.Keyring) { s.keys = k }

// Option changes how a Service works; tests use them to observe password checks and delays.
type Option func(*Service)

// WithPasswordCheck replaces VerifyPassword (it still runs under the cap on concurrent checks).
func WithPasswordCheck(verify func(password, encoded string) (bool, error)) Option {
	return func(s *Service) { s.verify = verify }
}

// WithSleep replaces the wait of the account-wide back-off.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(s *Service) { s.sleep = sleep }
}

// New returns the service.
func New(st *store.Store, settings Settings, now func() time.Time, opts ...Option) *Service {
	dummy, _ := HashPassword("not-a-real-password")
	if settings.MaxConcurrentChecks < 1 {
		settings.MaxConcurrentChecks = 1
	}
	s := &Service{
		store: st, settings: settings, now: now, dummyHash: dummy,
		checks: semaphore.NewWeighted(int64(settings.MaxConcurrentChecks)),
		verify: VerifyPassword, sleep: sleepContext,
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Settings returns the service's settings.
func (s *Service) Settings() Settings { return s.settings }

// SignIn checks e-mail and password from a client address and opens a new session. It returns
// the session's secret for the cookie. While the account from this address, or the address, has
// too many recent failures it answers model.ErrThrottled without looking at the password; when
// the password checks are all busy for too long, model.ErrSignInBusy.
func (s *Service) SignIn(ctx context.Context, email, password, ip string) (string, model.StaffUser, error) {
	now := s.now()
	keys := newThrottleKeys(email, ip)
	att, err := s.reserveAttempt(ctx, now, keys)
	if err != nil {
		return "", model.StaffUser{}, err
	}
	ok, user, err := s.checkCredentials(ctx, email, password, s.backoff(att.accountFailures))
	if err != nil {
		// Nothing was checked: the attempt must not count against anyone.
		if ferr := s.forgetAttempt(context.WithoutCancel(ctx), att); ferr != nil {
			err = errors.Join(err, ferr)
		}
		return "", model.StaffUser{}, err
	}
	if !ok {
		return "", model.StaffUser{}, model.ErrBadCredentials
	}
	secret, err := s.openSession(ctx, user.ID, now, att, keys, s.NextStage(user))
	return secret, user, err
}

// NextStage is the stage a right password leads a user to: the code when TOTP is on, its setup
// when the owner requires TOTP and the user has none, else signed in.
func (s *Service) NextStage(u model.StaffUser) model.SessionStage {
	switch {
	case u.TOTPEnabled():
		return model.SessionNeedsCode
	case s.settings.RequireTOTP:
		return model.SessionNeedsTOTP
	}
	return model.SessionSignedIn
}

// checkCredentials waits out the back-off, then checks the password under the cap on
// concurrent checks. An unknown e-mail is checked against a dummy hash, so it takes as long.
func (s *Service) checkCredentials(ctx context.Context, email, password string, delay time.Duration) (bool, model.StaffUser, error) {
	if err := s.sleep(ctx, delay); err != nil {
		return false, model.StaffUser{}, err
	}
	user, err := model.StaffUser{}, model.ErrNotFound
	if plausibleEmail(strings.ToLower(strings.TrimSpace(email))) {
		user, err = s.store.StaffUserByEmail(ctx, email)
	}
	hash := user.PasswordHash
	known := err == nil
	if errors.Is(err, model.ErrNotFound) {
		hash = s.dummyHash
	} else if err != nil {
		return false, model.StaffUser{}, err
	}
	waitCtx, cancel := context.WithTimeout(ctx, s.settings.CheckWait)
	defer cancel()
	if err := s.checks.Acquire(waitCtx, 1); err != nil {
		if ctx.Err() != nil {
			return false, model.StaffUser{}, ctx.Err()
		}
		return false, model.StaffUser{}, model.ErrSignInBusy
	}
	ok, verr := s.verify(password, hash)
	s.checks.Release(1)
	return known && verr == nil && ok, user, nil
}

// openSession starts a session, takes back the attempt's own failure records and forgets the
// account's failed sign-ins: whoever knows the password should not stay a few typos away from
// a lock-out. The address's other failures stay, so one good account cannot be used to reset
// guessing from that address.
func (s *Service) openSession(ctx context.Context, userID uint, now time.Time, att attempt, keys throttleKeys, stage model.SessionStage) (string, error) {
	var secret string
	err := s.store.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.DeleteExpiredStaffSessions(ctx, now, s.settings.IdleTimeout); err != nil {
			return err
		}
		if err := tx.DeleteLoginFailures(ctx, att.recordIDs); err != nil {
			return err
		}
		if err := tx.ClearLoginFailures(ctx, keys.account, keys.accountAtIP); err != nil {
			return err
		}
		var err error
		secret, err = s.createSession(ctx, tx, userID, now, stage)
		return err
	})
	return secret, err
}

// createSession stores a new session at a stage and returns its secret. A half-signed-in session
// lasts PendingTimeout; a signed-in one AbsoluteTimeout.
func (s *Service) createSession(ctx context.Context, tx *store.Tx, userID uint, now time.Time, stage model.SessionStage) (string, error) {
	secret, hash, err := newSecret("")
	if err != nil {
		return "", err
	}
	lifetime := s.settings.AbsoluteTimeout
	if stage != model.SessionSignedIn {
		lifetime = min(s.settings.PendingTimeout, lifetime)
	}
	return secret, tx.CreateStaffSession(ctx, &model.StaffSession{
		TokenHash: hash, UserID: userID, CreatedAt: now.UTC(), LastSeenAt: now.UTC(),
		ExpiresAt: now.UTC().Add(lifetime), Stage: stage,
	})
}

// Session returns the user of a live, fully signed-in session and records the activity. A
// session past its idle or absolute timeout is deleted and answers model.ErrUnauthenticated; a
// half-signed-in one answers model.ErrCodeDue or model.ErrTOTPSetupDue and grants nothing.
func (s *Service) Session(ctx context.Context, secret string) (model.StaffUser, error) {
	sess, err := s.SessionAt(ctx, secret)
	if err != nil {
		return model.StaffUser{}, err
	}
	switch sess.Stage {
	case model.SessionSignedIn:
		return *sess.User, nil
	case model.SessionNeedsCode:
		return model.StaffUser{}, model.ErrCodeDue
	case model.SessionNeedsTOTP:
		return model.StaffUser{}, model.ErrTOTPSetupDue
	}
	return model.StaffUser{}, model.ErrUnauthenticated
}

// SessionAt returns a live session at whatever stage, with its user, and records the activity;
// the pages of the second step use it. Timeouts as Session.
func (s *Service) SessionAt(ctx context.Context, secret string) (model.StaffSession, error) {
	if secret == "" {
		return model.StaffSession{}, model.ErrUnauthenticated
	}
	hash := hashSecret(secret)
	sess, err := s.store.StaffSessionByHash(ctx, hash)
	if errors.Is(err, model.ErrNotFound) {
		return model.StaffSession{}, model.ErrUnauthenticated
	} else if err != nil {
		return model.StaffSession{}, err
	}
	now := s.now()
	if !now.Before(sess.ExpiresAt) || !now.Before(sess.LastSeenAt.Add(s.settings.IdleTimeout)) {
		_ = s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteStaffSession(ctx, hash) })
		return model.StaffSession{}, model.ErrUnauthenticated
	}
	// Write at most once a minute: the idle timeout does not need more precision.
	if now.Sub(sess.LastSeenAt) > time.Minute {
		if err := s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.TouchStaffSession(ctx, sess.ID, now) }); err != nil {
			return model.StaffSession{}, err
		}
	}
	return sess, nil
}

// SignOut ends a session.
func (s *Service) SignOut(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	return s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteStaffSession(ctx, hashSecret(secret)) })
}

// AddUser creates a staff user. It returns a *model.ValidationError for a bad e-mail, role or
// too short a password, and one on "email" when the address is taken. The back office adds
// users with NewStaffUser and CreateStaffUser, to audit in the same transaction.
func (s *Service) AddUser(ctx context.Context, email, role, password string) (model.StaffUser, error) {
	u, err := NewStaffUser(email, role, password)
	if err != nil {
		return model.StaffUser{}, err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error { return CreateStaffUser(ctx, tx, &u) })
	return u, err
}

// NewStaffUser checks a new user's e-mail, role and password and hashes the password (slow on
// purpose, so it runs before the transaction that stores the user, not inside it).
func NewStaffUser(email, role, password string) (model.StaffUser, error) {
	fields := map[string]string{}
	email, err := model.Mailbox("email", email)
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		fields["email"] = invalid.MessageKey()
	}
	if len(password) > model.MaxPasswordLen {
		fields["password"] = "error.too_long"
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
	return model.StaffUser{Email: email, Role: role, PasswordHash: hash}, nil
}

// CreateStaffUser stores u (from NewStaffUser) in tx; a taken address is a *model.ValidationError
// on "email".
func CreateStaffUser(ctx context.Context, tx *store.Tx, u *model.StaffUser) error {
	err := tx.CreateStaffUser(ctx, u)
	if store.IsUniqueViolation(err) {
		return &model.ValidationError{Fields: map[string]string{"email": "admin.error.email_taken"}}
	}
	return err
}

// SetPassword replaces a staff user's password and ends all their sessions, so whoever knew
// the old one is signed out everywhere.
func (s *Service) SetPassword(ctx context.Context, email, password string) error {
	email, err := model.Mailbox("email", email)
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		return &model.ValidationError{Fields: map[string]string{"email": invalid.MessageKey()}}
	}
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

// CreateAPIToken makes a new admin API token with a role (model.RoleOwner or RoleAssistant) and
// returns its secret, which is shown once. The back office uses NewAPIToken, to audit in the
// transaction that stores it.
func (s *Service) CreateAPIToken(ctx context.Context, name, role string) (string, error) {
	secret, t, err := NewAPIToken(name, role, s.now())
	if err != nil {
		return "", err
	}
	err = s.store.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateAPIToken(ctx, &t) })
	return secret, err
}

// NewAPIToken checks a new token's name and role and makes its secret; the returned token holds
// only the secret's hash and is ready for tx.CreateAPIToken.
func NewAPIToken(name, role string, now time.Time) (secret string, t model.APIToken, err error) {
	fields := map[string]string{}
	name, err = model.RequiredLine("name", name, model.MaxTokenNameLen)
	var invalid *model.FieldError
	if errors.As(err, &invalid) {
		fields["name"] = invalid.MessageKey()
	}
	if !model.IsRole(role) {
		fields["role"] = "admin.error.role"
	}
	if len(fields) > 0 {
		return "", t, &model.ValidationError{Fields: fields}
	}
	secret, hash, err := newSecret("sem_")
	if err != nil {
		return "", t, err
	}
	return secret, model.APIToken{Name: name, TokenHash: hash, Role: role, CreatedAt: now.UTC()}, nil
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
