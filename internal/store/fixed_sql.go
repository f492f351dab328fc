package store

import (
	"context"
	"database/sql"
)

// The hot path's fixed reads (the date a booking books, date_to_book.go) run their SQL on the
// connection directly and scan by hand, as the fixed inserts do (fixed_insert.go): GORM's
// preloads and its scan through the schema cost more than SQLite running the query. The text is
// the same on every call, so it stays prepared (sqlite_stmts.go; pgx's statement cache).

// postgres tells which placeholder style the fixed statements of q use.
func (q Reads) postgres() bool { return q.db.Dialector.Name() == "postgres" }

// fixedQuery runs a fixed read on q's connection (the read pool, or the transaction's).
func (q Reads) fixedQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.db.Statement.ConnPool.QueryContext(ctx, query, args...)
}

// zeroIfNull scans a nullable column into a plain field, leaving the zero value for NULL, as
// GORM's scan does (columns added by a migration may hold NULL in old rows).
type zeroIfNull[T any] struct{ dst *T }

// Scan implements sql.Scanner.
func (z zeroIfNull[T]) Scan(src any) error {
	var n sql.Null[T]
	if err := n.Scan(src); err != nil {
		return err
	}
	*z.dst = n.V
	return nil
}

// orZero is the scan target of a nullable column for the plain field dst.
func orZero[T any](dst *T) sql.Scanner { return zeroIfNull[T]{dst: dst} }
