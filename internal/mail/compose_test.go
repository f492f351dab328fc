package mail

import (
	"errors"
	"testing"
)

// TestComposeRefusesWhatNoHeaderCarries: a recipient that cannot be written is a permanent
// error (the worker parks it), not one that is retried forever.
func TestComposeRefusesWhatNoHeaderCarries(t *testing.T) {
	cases := []struct {
		name string
		msg  Message
	}{
		{"name not valid UTF-8", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "Firma\xff\xfe", Email: "a@example.com"}}},
		{"address with a space", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "A", Email: "a b@example.com"}}},
		{"address with angle brackets", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "A", Email: "a@example.com> <b@example.com"}}},
		{"empty address", Message{From: "Seminare <seminare@example.com>", To: Address{Name: "A"}}},
		{"sender not an address", Message{From: "Seminare", To: Address{Name: "A", Email: "a@example.com"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compose(tc.msg)
			if !errors.Is(err, ErrPermanent) {
				t.Fatalf("compose: %v, want ErrPermanent", err)
			}
		})
	}
}
