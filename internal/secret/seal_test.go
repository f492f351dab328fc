package secret

import (
	"errors"
	"strings"
	"testing"
)

func TestSealOpen(t *testing.T) {
	k, _ := New(testKey)
	other, _ := New(testKey + "-other")
	sealed, err := k.Seal("totp", "7", []byte("JBSWY3DPEHPK3PXP"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, "JBSWY3DPEHPK3PXP") {
		t.Fatal("the sealed value shows the plaintext")
	}
	again, _ := k.Seal("totp", "7", []byte("JBSWY3DPEHPK3PXP"))
	if again == sealed {
		t.Fatal("two seals of one value are equal: no fresh nonce")
	}
	flipped := []byte(sealed)
	flipped[len(flipped)-2] ^= 1
	cases := []struct {
		name    string
		keys    *Keyring
		purpose string
		id      string
		sealed  string
		ok      bool
	}{
		{"same key, purpose and record", k, "totp", "7", sealed, true},
		{"another record", k, "totp", "8", sealed, false},
		{"another purpose", k, "calendar", "7", sealed, false},
		{"another server key", other, "totp", "7", sealed, false},
		{"altered", k, "totp", "7", string(flipped), false},
		{"not sealed", k, "totp", "7", "JBSWY3DPEHPK3PXP", false},
		{"empty", k, "totp", "7", "", false},
		{"too short", k, "totp", "7", "v1:AAAA", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plain, err := c.keys.Open(c.purpose, c.id, c.sealed)
			if c.ok && (err != nil || string(plain) != "JBSWY3DPEHPK3PXP") {
				t.Fatalf("open: %q %v", plain, err)
			}
			if !c.ok && !errors.Is(err, ErrUnseal) {
				t.Fatalf("opened %q (err %v), want ErrUnseal", plain, err)
			}
		})
	}
}
