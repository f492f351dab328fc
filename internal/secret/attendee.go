package secret

import (
	"crypto/subtle"
	"strconv"
	"strings"
)

// Derivation purposes of an attendee's two secrets: the page link (256 bits) and the short
// check-in code the QR code carries and a person can type.
const (
	attendeePagePurpose = "attendee"
	attendeeCodePurpose = "attendee-code"
)

// codeAlphabet leaves out characters people confuse when reading a code off a phone (0/O,
// 1/I/L, U/V), as booking references do.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ"

// codeChars is the length of a code's secret part: 8 characters of 29 carry 38 bits. The code is
// only accepted on the signed-in check-in page, so guessing it means guessing with a staff
// session; the attendee page, reachable by anyone, takes the full 256-bit token.
const codeChars = 8

// AttendeeToken is the secret of an attendee's page (/a/{token}) at rotation: the attendee's id,
// a dash and 256 derived bits. The id tells which attendee to check against; the bits prove the
// link was issued by us.
func (k *Keyring) AttendeeToken(id uint, rotation int64) string {
	return strconv.FormatUint(uint64(id), 10) + "-" + k.Derive(attendeePagePurpose, strconv.FormatUint(uint64(id), 10), rotation)
}

// AttendeeCode is the attendee's short check-in code at rotation, e.g. "42-7K3Q-9XMP": the id
// and eight characters derived from the server secret.
func (k *Keyring) AttendeeCode(id uint, rotation int64) string {
	mac := k.Derive(attendeeCodePurpose, strconv.FormatUint(uint64(id), 10), rotation)
	raw := []byte(mac)
	var b strings.Builder
	b.WriteString(strconv.FormatUint(uint64(id), 10))
	b.WriteByte('-')
	for i := 0; i < codeChars; i++ {
		if i == codeChars/2 {
			b.WriteByte('-')
		}
		// base64url characters are 6 bits each; two of them give 12 bits, reduced mod 29 with
		// a bias below 1 %, irrelevant for a code that is checked, not searched.
		v := int(strings.IndexByte(base64URLAlphabet, raw[2*i]))<<6 | strings.IndexByte(base64URLAlphabet, raw[2*i+1])
		b.WriteByte(codeAlphabet[v%len(codeAlphabet)])
	}
	return b.String()
}

const base64URLAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// AttendeeID reads the attendee id out of a page token or a check-in code; ok is false for
// anything that does not start with a positive number and a dash.
func AttendeeID(tokenOrCode string) (id uint, ok bool) {
	head, _, found := strings.Cut(tokenOrCode, "-")
	if !found || head == "" || len(head) > 19 {
		return 0, false
	}
	n, err := strconv.ParseUint(head, 10, 64)
	if err != nil || n == 0 || n > uint64(^uint(0)) {
		return 0, false
	}
	return uint(n), true
}

// MatchesAttendeeToken tells whether presented is the attendee's current page token.
func (k *Keyring) MatchesAttendeeToken(presented string, id uint, rotation int64) bool {
	return subtle.ConstantTimeCompare([]byte(presented), []byte(k.AttendeeToken(id, rotation))) == 1
}

// MatchesAttendeeCode tells whether presented is the attendee's current check-in code. Typed
// codes are forgiving: case, spaces and missing or extra dashes do not matter.
func (k *Keyring) MatchesAttendeeCode(presented string, id uint, rotation int64) bool {
	return subtle.ConstantTimeCompare([]byte(NormalizeCode(presented)), []byte(NormalizeCode(k.AttendeeCode(id, rotation)))) == 1
}

// NormalizeCode is a typed code as it is compared: upper case, without spaces and dashes after
// the id's dash (so "42-7k3q9xmp" and "42 - 7K3Q-9XMP" are the same code).
func NormalizeCode(s string) string {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	head, rest, found := strings.Cut(s, "-")
	if !found {
		return s
	}
	return head + "-" + strings.ReplaceAll(rest, "-", "")
}
