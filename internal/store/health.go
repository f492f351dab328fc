package store

import (
	"context"
	"fmt"
)

// Reachable tells whether the database answers, for GET /healthz. It reads through one
// connection of the read pool (SQLite's schema version, read from the file itself, or
// PostgreSQL's SELECT 1) and never touches the write pool: on SQLite that pool is the single
// connection the group-commit writer holds, so a ping there queued behind every booking of a
// storm and measured the writer's backlog, not whether the database is up. The probe reads the
// file (or asks the server), so a missing or unreadable database fails it; a closed store fails
// it too (its pools are closed).
func (s *Store) Reachable(ctx context.Context) error {
	probe := "PRAGMA schema_version"
	if s.postgres {
		probe = "SELECT 1"
	}
	var n int64
	if err := s.read.WithContext(ctx).Raw(probe).Scan(&n).Error; err != nil {
		return fmt.Errorf("store: health probe: %w", err)
	}
	return nil
}
