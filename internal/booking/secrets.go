package booking

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"math/big"
	"strconv"

	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// referenceAlphabet leaves out characters people confuse when reading a reference aloud or off
// paper (0/O, 1/I/L, U/V).
const referenceAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ"

// newReference returns a short human-readable booking reference such as SEM-7K3Q9X.
func newReference() (string, error) {
	buf := make([]byte, 6)
	max := big.NewInt(int64(len(referenceAlphabet)))
	for i := range buf {
		n, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", err
		}
		buf[i] = referenceAlphabet[n.Int64()]
	}
	return "SEM-" + string(buf), nil
}

// newManageToken returns a 256-bit random secret for the manage link and the hash to store.
func newManageToken() (token, hash string, err error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(raw)
	return token, HashToken(token), nil
}

// HashToken is how manage tokens are stored: SHA-256, hex. A fast hash is right here because the
// token is 256 random bits, not a password.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// TokenMatches compares a presented token with a stored hash in constant time.
func TokenMatches(token, storedHash string) bool {
	return token != "" && subtle.ConstantTimeCompare([]byte(HashToken(token)), []byte(storedHash)) == 1
}

// managePurpose names the manage link among the secrets derived from the server secret.
const managePurpose = "manage"

// UseSecrets lets the service derive manage links from the server secret (DESIGN.md: secrets
// that must be shown again): a new booking's link is HMAC(secret, booking id, rotation 1), and
// re-sending the confirmation rotates it. Without it (a service built before the secret is
// loaded) new links are random tokens stored hashed, as bookings made before always had.
func (s *Service) UseSecrets(keys *secret.Keyring) { s.keys = keys }

// firstManageLink sets up the manage link of a booking about to be stored: rotation 1 of the
// derived link (its token needs the id, see manageToken), or a random token whose hash is stored.
func (s *Service) firstManageLink(b *model.Booking) (random string, err error) {
	if s.keys != nil {
		b.ManageRotation, b.ManageTokenHash = 1, ""
		return "", nil
	}
	random, b.ManageTokenHash, err = newManageToken()
	return random, err
}

// manageToken is the secret of a stored booking's manage link: the derived one at its rotation,
// or random, the token firstManageLink made for a booking without a derived link.
func (s *Service) manageToken(b model.Booking, random string) string {
	if b.ManageRotation == 0 || s.keys == nil {
		return random
	}
	return s.keys.Derive(managePurpose, strconv.FormatUint(uint64(b.ID), 10), b.ManageRotation)
}

// CurrentManageToken is the token of a booking's manage link when it can be shown again (a
// derived link); ok is false for a booking that still has its old random link, whose secret
// only the booker has.
func (s *Service) CurrentManageToken(b model.Booking) (token string, ok bool) {
	if b.ManageRotation == 0 || s.keys == nil {
		return "", false
	}
	return s.manageToken(b, ""), true
}

// manageTokenMatches tells whether token opens b's manage page: the derived link at the
// current rotation (an older rotation's link is dead), or for a booking not yet rotated the old
// random token, compared with its stored hash.
func (s *Service) manageTokenMatches(b model.Booking, token string) bool {
	if token == "" {
		return false
	}
	if b.ManageRotation == 0 {
		return TokenMatches(token, b.ManageTokenHash)
	}
	return s.keys != nil && s.keys.Matches(token, managePurpose, strconv.FormatUint(uint64(b.ID), 10), b.ManageRotation)
}

// ErrNoSecrets says a manage link cannot be rotated because the server secret is not loaded.
var ErrNoSecrets = errors.New("booking: the server secret is not loaded (UseSecrets)")

// RotateManageLinkInTx gives the locked booking b a new manage link inside tx and returns its
// token: the rotation counter goes up by one, which kills the link sent before (also an old
// random one, whose hash is dropped).
func (s *Service) RotateManageLinkInTx(ctx context.Context, tx *store.Tx, b *model.Booking) (string, error) {
	if s.keys == nil {
		return "", ErrNoSecrets
	}
	next := b.ManageRotation + 1
	if err := tx.SetManageRotation(ctx, b.ID, next); err != nil {
		return "", err
	}
	b.ManageRotation, b.ManageTokenHash = next, ""
	return s.manageToken(*b, ""), nil
}
