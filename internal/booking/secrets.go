package booking

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"math/big"
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
