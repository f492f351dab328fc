package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strings"
)

// sealVersion starts every sealed value, so another scheme can be told apart later.
const sealVersion = "v1:"

// ErrUnseal says a sealed value cannot be opened: another server secret sealed it, it belongs
// to another record or purpose, or it was altered.
var ErrUnseal = errors.New("secret: sealed value cannot be opened with this secret_key")

// Seal encrypts a value that must be read back (a TOTP secret: the server must compute the
// codes, so a hash would not do) with AES-256-GCM under a key derived from the server secret for
// purpose. The record's id is authenticated with it, so a value copied to another record does
// not open. A copy of the database alone therefore reveals nothing; whoever also has secret_key
// can open it, and a new secret_key makes every sealed value unreadable.
func (k *Keyring) Seal(purpose, id string, plaintext []byte) (string, error) {
	aead, err := k.aead(purpose)
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	out := aead.Seal(nonce, nonce, plaintext, []byte(id))
	return sealVersion + base64.RawURLEncoding.EncodeToString(out), nil
}

// Open returns what Seal sealed for the same purpose and id, or ErrUnseal.
func (k *Keyring) Open(purpose, id, sealed string) ([]byte, error) {
	raw, ok := strings.CutPrefix(sealed, sealVersion)
	if !ok {
		return nil, ErrUnseal
	}
	data, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil, ErrUnseal
	}
	aead, err := k.aead(purpose)
	if err != nil {
		return nil, err
	}
	if len(data) < aead.NonceSize() {
		return nil, ErrUnseal
	}
	plain, err := aead.Open(nil, data[:aead.NonceSize()], data[aead.NonceSize():], []byte(id))
	if err != nil {
		return nil, ErrUnseal
	}
	return plain, nil
}

// aead is AES-256-GCM under HMAC-SHA256(server secret, "seal" | purpose): one key per purpose,
// none of them equal to a derived link secret.
func (k *Keyring) aead(purpose string) (cipher.AEAD, error) {
	mac := hmac.New(sha256.New, k.key)
	mac.Write([]byte("seal\x00" + purpose))
	block, err := aes.NewCipher(mac.Sum(nil))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
