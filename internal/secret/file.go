package secret

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// LoadOrCreateFile returns the server secret kept in the file at path, writing a new one (mode
// 0600) when the file does not exist yet. Two processes starting together on one data folder
// agree on one key: the new key is written to a temporary file and linked into place, which fails
// for the second one, which then reads the first one's key. A file that holds a too short key is
// an error rather than silently replaced, since replacing it would kill every link derived so far.
func LoadOrCreateFile(path string) (string, error) {
	if key, err := readKeyFile(path); !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("secret_key: %w", err)
	}
	key, err := Generate()
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".secret_key-*")
	if err != nil {
		return "", fmt.Errorf("secret_key: %w", err)
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600 already; written, synced and closed before it is linked.
	if _, err := tmp.WriteString(key + "\n"); err != nil {
		tmp.Close()
		return "", fmt.Errorf("secret_key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("secret_key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("secret_key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("secret_key: %w", err)
	}
	return readKeyFile(path)
}

func readKeyFile(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	key := strings.TrimSpace(string(raw))
	if len(key) < MinKeyLen {
		return "", fmt.Errorf("%s: %w", path, ErrShortKey)
	}
	return key, nil
}
