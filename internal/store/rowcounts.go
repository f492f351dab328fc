package store

import (
	"context"
	"fmt"
)

// RowCounts returns how many rows every table of the schema holds, by table name. Tests compare
// it before and after a refused request to show that nothing at all was stored.
func (s *Store) RowCounts(ctx context.Context) (map[string]int64, error) {
	list := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
	if s.postgres {
		list = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
	}
	var tables []string
	if err := s.db.WithContext(ctx).Raw(list).Scan(&tables).Error; err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	counts := make(map[string]int64, len(tables))
	for _, table := range tables {
		var n int64
		// The names come from the catalogue above, never from input; quoted for reserved words.
		if err := s.db.WithContext(ctx).Raw(`SELECT count(*) FROM "` + table + `"`).Scan(&n).Error; err != nil {
			return nil, fmt.Errorf("count %s: %w", table, err)
		}
		counts[table] = n
	}
	return counts, nil
}
