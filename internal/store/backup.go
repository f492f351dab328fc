package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of a SQLite database to path with VACUUM INTO, which reads one
// snapshot while the service keeps running. PostgreSQL is backed up with pg_dump instead.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.postgres {
		return errors.New("backup: use pg_dump for PostgreSQL")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s already exists", path)
	}
	return s.write.WithContext(ctx).Exec("VACUUM INTO ?", path).Error
}
