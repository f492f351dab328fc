package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// The hot path's fixed statements (a new booking with its attendees, the date it books) run
// their SQL on the transaction's connection directly, without GORM: building the statement by
// reflection over ~50 fields and scanning RETURNING rows through GORM's schema cost more than
// SQLite running it, on the writer every booker queues for. The text is the same on every call,
// so it stays prepared (sqlite_stmts.go on SQLite, pgx's statement cache on PostgreSQL).
//
// Everything GORM would have done besides building the statement they do themselves: the
// callbacks of every write on the write pool (the data version, the insert faults of tests; see
// fixedHooks) and the translation of driver errors (a unique violation is gorm.ErrDuplicatedKey,
// IsUniqueViolation).

// fixedHooksName is the name under which the write pool carries its fixedHooks.
const fixedHooksName = "seminars:fixed_sql"

// fixedHooks are what GORM's callbacks on the write pool do for each write (data_version.go,
// faults.go), for the statements that bypass GORM. They travel with the write pool's *gorm.DB
// as a plugin, so every transaction and group-commit savepoint made from it finds them.
type fixedHooks struct {
	version     *dataVersion
	insertFault func(table string) error // WithInsertFault; nil in production
}

// Name names the plugin (gorm.Plugin).
func (*fixedHooks) Name() string { return fixedHooksName }

// Initialize registers nothing: the hooks are looked up, not called back (gorm.Plugin).
func (*fixedHooks) Initialize(*gorm.DB) error { return nil }

// registerFixedHooks lets the fixed statements on db do what its callbacks do.
func registerFixedHooks(db *gorm.DB, v *dataVersion, insertFault func(table string) error) error {
	return db.Use(&fixedHooks{version: v, insertFault: insertFault})
}

// errNoFixedHooks means a fixed write ran on a pool that Connect did not set up.
var errNoFixedHooks = errors.New("store: fixed statement on a pool without its hooks")

// postgres tells which placeholder style the fixed statements of q use.
func (q Reads) postgres() bool { return q.db.Dialector.Name() == "postgres" }

// fixedQuery runs a fixed read on q's connection (the read pool, or the transaction's).
func (q Reads) fixedQuery(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.db.Statement.ConnPool.QueryContext(ctx, query, args...)
}

// insertReturningIDs runs a fixed INSERT … RETURNING id into table and stores the returned ids,
// in order, through ids (one per inserted row, as GORM fills them back).
func (tx *Tx) insertReturningIDs(ctx context.Context, table, query string, args []any, ids []*uint) error {
	hooks, ok := tx.db.Config.Plugins[fixedHooksName].(*fixedHooks)
	if !ok {
		return errNoFixedHooks
	}
	if hooks.insertFault != nil {
		if err := hooks.insertFault(table); err != nil {
			return err
		}
	}
	pool := tx.db.Statement.ConnPool
	if err := scanIDs(ctx, pool, query, args, ids); err != nil {
		return tx.translate(err)
	}
	hooks.version.wrote(table, pool)
	return nil
}

func scanIDs(ctx context.Context, pool gorm.ConnPool, query string, args []any, ids []*uint) error {
	rows, err := pool.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n == len(ids) {
			return fmt.Errorf("store: insert returned more than %d ids", len(ids))
		}
		if err := rows.Scan(ids[n]); err != nil {
			return err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n != len(ids) {
		return fmt.Errorf("store: insert returned %d ids, want %d", n, len(ids))
	}
	return nil
}

// translate turns a driver error into GORM's (a unique violation into gorm.ErrDuplicatedKey),
// as GORM does for its own statements with TranslateError.
func (q Reads) translate(err error) error {
	if t, ok := q.db.Dialector.(gorm.ErrorTranslator); ok && q.db.TranslateError {
		return t.Translate(err)
	}
	return err
}

// insertSQL writes INSERT INTO table (columns) VALUES (…), … RETURNING id for rows rows, with
// the dialect's placeholders ($1, $2, … on PostgreSQL; ? on SQLite).
func insertSQL(postgres bool, table string, columns []string, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(table)
	b.WriteString(" (")
	for i, c := range columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"` + c + `"`)
	}
	b.WriteString(") VALUES ")
	n := 0
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for i := range columns {
			if i > 0 {
				b.WriteString(", ")
			}
			n++
			if postgres {
				b.WriteString("$" + strconv.Itoa(n))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	b.WriteString(` RETURNING "id"`)
	return b.String()
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
