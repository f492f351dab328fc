package secret

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

const testKey = "0123456789abcdef0123456789abcdef-test"

func TestDerive(t *testing.T) {
	k, err := New(testKey)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := New(testKey + "-other")
	base := k.Derive("calendar", "trainer", 0)
	cases := []struct {
		name string
		got  string
		same bool
	}{
		{"same inputs give the same secret", k.Derive("calendar", "trainer", 0), true},
		{"rotation gives a new secret", k.Derive("calendar", "trainer", 1), false},
		{"another record", k.Derive("calendar", "trainer2", 0), false},
		{"another purpose", k.Derive("manage", "trainer", 0), false},
		{"fields do not run into each other", k.Derive("calendartrainer", "", 0), false},
		{"another server key", other.Derive("calendar", "trainer", 0), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if (c.got == base) != c.same {
				t.Fatalf("%q vs %q: same=%v, want %v", c.got, base, c.got == base, c.same)
			}
		})
	}
	if len(base) != 43 || strings.ContainsAny(base, "+/=") {
		t.Fatalf("secret %q is not 256 bits of base64url", base)
	}
}

func TestMatches(t *testing.T) {
	k, _ := New(testKey)
	current := k.Derive("calendar", "trainer", 3)
	cases := []struct {
		name      string
		presented string
		want      bool
	}{
		{"current secret", current, true},
		{"the secret before the rotation", k.Derive("calendar", "trainer", 2), false},
		{"empty", "", false},
		{"one character short", current[:len(current)-1], false},
		{"one character more", current + "A", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := k.Matches(c.presented, "calendar", "trainer", 3); got != c.want {
				t.Fatalf("Matches = %v, want %v", got, c.want)
			}
		})
	}
}

func TestNewRefusesShortKey(t *testing.T) {
	if _, err := New("too short"); !errors.Is(err, ErrShortKey) {
		t.Fatalf("short key: %v", err)
	}
}

func TestLoadOrCreateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "secret_key")
	first, err := LoadOrCreateFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(first); err != nil {
		t.Fatalf("generated key refused: %v", err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, want 0600", info.Mode().Perm())
	}
	again, err := LoadOrCreateFile(path)
	if err != nil || again != first {
		t.Fatalf("second start read %q (%v), want the first key %q", again, err, first)
	}
}

// Instances starting together on one data folder must end up with one key.
func TestLoadOrCreateFileTogether(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret_key")
	keys := make([]string, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key, err := LoadOrCreateFile(path)
			if err != nil {
				t.Error(err)
			}
			keys[i] = key
		}()
	}
	wg.Wait()
	for _, k := range keys {
		if k != keys[0] {
			t.Fatalf("instances disagree on the key: %q", keys)
		}
	}
}

func TestLoadOrCreateFileKeepsABadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret_key")
	if err := os.WriteFile(path, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadOrCreateFile(path); !errors.Is(err, ErrShortKey) {
		t.Fatalf("short key file: %v", err)
	}
	if raw, _ := os.ReadFile(path); string(raw) != "short\n" {
		t.Fatal("the bad key file was replaced")
	}
}
