package model

import (
	"errors"
	"fmt"
	"math"
	"net/mail"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ErrInvalidInput is what every *FieldError wraps: a value a person or a client sent breaks the
// one text rule (see Line).
var ErrInvalidInput = errors.New("invalid input")

// Reason says why a value was refused. Each has a message in the user's language under
// "error.<reason>".
type Reason string

// The reasons the text rule gives.
const (
	ReasonRequired    Reason = "required"
	ReasonTooLong     Reason = "too_long"
	ReasonInvalidUTF8 Reason = "invalid_utf8"
	ReasonControl     Reason = "control_char"
	ReasonLineBreak   Reason = "line_break"
	ReasonEmail       Reason = "email"
	ReasonDisplayName Reason = "display_name"
	ReasonNumber      Reason = "number"
)

// FieldError names the field whose value was refused and why.
type FieldError struct {
	Field  string
	Reason Reason
}

func (e *FieldError) Error() string { return fmt.Sprintf("%s: %s", e.Field, e.Reason) }

// Unwrap makes every FieldError an ErrInvalidInput.
func (e *FieldError) Unwrap() error { return ErrInvalidInput }

// MessageKey is the i18n key of the message shown next to the field.
func (e *FieldError) MessageKey() string { return "error." + string(e.Reason) }

// Line is the text rule for a single-line field: valid UTF-8, trimmed, NFC-normalised, no line
// break (CR, LF, NEL, U+2028/U+2029) and no other control character (NUL, TAB, ESC, DEL, C1), at
// most maxLen characters (code points, as PostgreSQL's varchar counts them). It returns the
// normalised value; an empty value is allowed (see RequiredLine). Emoji, CJK, right-to-left
// scripts and combining marks are text like any other.
func Line(field, value string, maxLen int) (string, error) {
	return clean(field, value, maxLen, false)
}

// RequiredLine is Line for a field that must not be empty.
func RequiredLine(field, value string, maxLen int) (string, error) {
	v, err := Line(field, value, maxLen)
	if err == nil && v == "" {
		return "", &FieldError{field, ReasonRequired}
	}
	return v, err
}

// Paragraphs is the text rule for a multi-line field (a message, a description): as Line, but
// line breaks and tabs are allowed; CR LF and lone CR become LF, so stored text has one kind of
// line end.
func Paragraphs(field, value string, maxLen int) (string, error) {
	return clean(field, value, maxLen, true)
}

func clean(field, value string, maxLen int, multiline bool) (string, error) {
	if !utf8.ValidString(value) {
		return "", &FieldError{field, ReasonInvalidUTF8}
	}
	if multiline {
		value = strings.ReplaceAll(value, "\r\n", "\n")
		value = strings.ReplaceAll(value, "\r", "\n")
	}
	v := norm.NFC.String(strings.TrimSpace(value))
	for _, r := range v {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if isLineBreak(r) {
			return "", &FieldError{field, ReasonLineBreak}
		}
		if unicode.IsControl(r) || isNoncharacter(r) {
			return "", &FieldError{field, ReasonControl}
		}
	}
	if utf8.RuneCountInString(v) > maxLen {
		return "", &FieldError{field, ReasonTooLong}
	}
	return v, nil
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isNoncharacter reports the code points Unicode reserves as never to be interchanged
// (U+FDD0..U+FDEF and the last two of every plane); U+FFFE in particular reads as a reversed
// byte-order mark.
func isNoncharacter(r rune) bool {
	return (r >= 0xFDD0 && r <= 0xFDEF) || r&0xFFFE == 0xFFFE
}

// Email is the rule for a customer's e-mail address: a Mailbox with a dot in its domain (a
// booking's mail must reach the internet).
func Email(field, value string) (string, error) {
	v, err := Mailbox(field, value)
	if err != nil {
		return "", err
	}
	if !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
		return "", &FieldError{field, ReasonEmail}
	}
	return v, nil
}

// Mailbox is the rule for any e-mail address (a staff account may be name@localhost): a Line of
// at most MaxEmailLen characters that net/mail reads back unchanged as a bare address. Empty is
// ReasonRequired.
func Mailbox(field, value string) (string, error) {
	v, err := RequiredLine(field, value, MaxEmailLen)
	var fe *FieldError
	if errors.As(err, &fe) && fe.Reason == ReasonTooLong {
		return "", &FieldError{field, ReasonEmail}
	}
	if err != nil {
		return "", err
	}
	addr, perr := mail.ParseAddress(v)
	if perr != nil || addr.Address != v || strings.LastIndex(v, "@") < 1 {
		return "", &FieldError{field, ReasonEmail}
	}
	return v, nil
}

// DisplayName is the rule for a person's or company's name that goes into a mail header: a
// required Line that net/mail encodes and reads back unchanged as the name of an address. What
// cannot make that round trip (a mix of quotes and angle brackets that some readers split into
// an address of its own, say) is refused here, at input, rather than failing every delivery; so
// is a name that carries an address in angle brackets, which mail clients may show instead of the
// real one.
func DisplayName(field, value string, maxLen int) (string, error) {
	v, err := RequiredLine(field, value, maxLen)
	if err != nil {
		return "", err
	}
	if !EncodableName(v) || looksLikeAddress(v) {
		return "", &FieldError{field, ReasonDisplayName}
	}
	return v, nil
}

// looksLikeAddress reports a name that carries an address of its own in angle brackets: a
// reader's mail client may show it as the sender or recipient instead of the real one.
func looksLikeAddress(name string) bool {
	open := strings.Index(name, "<")
	return open >= 0 && strings.Contains(name[open:], "@") && strings.Contains(name[open:], ">")
}

// EncodableName tells whether name survives being written as the display name of an address
// header and parsed back.
func EncodableName(name string) bool {
	const probe = "probe@example.org"
	written := (&mail.Address{Name: name, Address: probe}).String()
	back, err := mail.ParseAddress(written)
	return err == nil && back.Address == probe && back.Name == name
}

// ParseID reads a record id as a client sends it in a path, query or form: decimal digits only,
// from 1 to the largest BIGINT (so no database ever sees a value it cannot store).
func ParseID(field, value string) (uint, error) {
	if value == "" || len(value) > 19 || strings.TrimLeft(value, "0123456789") != "" {
		return 0, &FieldError{field, ReasonNumber}
	}
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil || n < 1 {
		return 0, &FieldError{field, ReasonNumber}
	}
	return uint(n), nil
}

// CheckID is ParseID's rule for an id that arrived as a number (a JSON field): 1 to the largest
// BIGINT.
func CheckID(field string, id uint64) (uint, error) {
	if id < 1 || id > math.MaxInt64 {
		return 0, &FieldError{field, ReasonNumber}
	}
	return uint(id), nil
}

// ParseCount reads a small non-negative count (seats, participants, capacity) typed into a
// form: decimal digits, at most max.
func ParseCount(field, value string, max int) (int, error) {
	v := strings.TrimSpace(value)
	if v == "" || len(v) > 9 || strings.TrimLeft(v, "0123456789") != "" {
		return 0, &FieldError{field, ReasonNumber}
	}
	n, err := strconv.Atoi(v)
	if err != nil || n > max {
		return 0, &FieldError{field, ReasonNumber}
	}
	return n, nil
}
