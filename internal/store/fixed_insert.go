package store

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// fixedRowsPerInsert is the most rows one fixed INSERT carries; more are split into several
// statements. It bounds the distinct texts (one per row count) that stay prepared.
const fixedRowsPerInsert = 8

// column is one column of a fixed INSERT and how to read its value from a row of T.
type column[T any] struct {
	name  string
	value func(*T) any
}

// fixedInsert is an INSERT into table written out once per dialect and row count, for rows the
// booking writer stores on every booking. GORM's Create builds the same statement by reflection
// on every call and scans RETURNING through its schema, which cost more CPU than SQLite took
// to run it; a fixed text also stays prepared (sqlite_stmts.go, pgx's statement cache).
//
// columns lists every column of the model except the generated id (TestFixedInsertColumns
// holds it to the GORM model and the migrated table, so a new field cannot be skipped
// silently). A fixed insert bypasses GORM's callbacks, so it does what they do itself: it asks
// the insert-fault hook (WithInsertFault) first and, into a public table (bookings, attendees),
// counts the write for the data version of the public pages (data_version.go) after it.
type fixedInsert[T any] struct {
	table     string
	columns   []column[T]
	id        string // the generated key column, left to the database
	returning bool   // read id back (one row at a time)
	suffix    string // a clause after VALUES (ON CONFLICT …), the same in both dialects
	texts     [2][fixedRowsPerInsert + 1]string
}

func newFixedInsert[T any](table, id string, returning bool, suffix string, columns []column[T]) *fixedInsert[T] {
	f := &fixedInsert[T]{table: table, columns: columns, id: id, returning: returning, suffix: suffix}
	for rows := 1; rows <= fixedRowsPerInsert; rows++ {
		f.texts[0][rows] = f.text(false, rows)
		f.texts[1][rows] = f.text(true, rows)
	}
	return f
}

// text writes the statement for rows rows: `?` placeholders for SQLite, `$n` for PostgreSQL.
func (f *fixedInsert[T]) text(postgres bool, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + f.table + " (")
	for i, c := range f.columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`"` + c.name + `"`)
	}
	b.WriteString(") VALUES ")
	n := 0
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for i := range f.columns {
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
	if f.suffix != "" {
		b.WriteString(" " + f.suffix)
	}
	if f.returning {
		b.WriteString(` RETURNING "` + f.id + `"`)
	}
	return b.String()
}

// columnNames is the columns written, in order.
func (f *fixedInsert[T]) columnNames() []string {
	names := make([]string, len(f.columns))
	for i, c := range f.columns {
		names[i] = c.name
	}
	return names
}

// args is the values of rows, row after row, in the columns' order.
func (f *fixedInsert[T]) args(rows []T) []any {
	out := make([]any, 0, len(rows)*len(f.columns))
	for i := range rows {
		for _, c := range f.columns {
			out = append(out, c.value(&rows[i]))
		}
	}
	return out
}

// insertReturning inserts one row and returns its generated id.
func (f *fixedInsert[T]) insertReturning(ctx context.Context, tx *Tx, row *T) (int64, error) {
	pool, postgres, err := tx.fixedPool(f.table)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := pool.QueryRowContext(ctx, f.texts[dialect(postgres)][1], f.args([]T{*row})...).Scan(&id); err != nil {
		return 0, tx.translate(err)
	}
	tx.fixedWrote(f.table, pool)
	return id, nil
}

// insertReturningIDs inserts rows, in statements of at most fixedRowsPerInsert rows each, and
// stores the generated ids through ids (one per row, in the rows' order, as GORM's Create of a
// slice fills them in).
func (f *fixedInsert[T]) insertReturningIDs(ctx context.Context, tx *Tx, rows []T, ids []*uint) error {
	pool, postgres, err := tx.fixedPool(f.table)
	if err != nil {
		return err
	}
	for len(rows) > 0 {
		n := min(len(rows), fixedRowsPerInsert)
		if err := scanIDs(ctx, pool, f.texts[dialect(postgres)][n], f.args(rows[:n]), ids[:n]); err != nil {
			return tx.translate(err)
		}
		rows, ids = rows[n:], ids[n:]
	}
	tx.fixedWrote(f.table, pool)
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

// insert inserts rows, in statements of at most fixedRowsPerInsert rows each.
func (f *fixedInsert[T]) insert(ctx context.Context, tx *Tx, rows []T) error {
	pool, postgres, err := tx.fixedPool(f.table)
	if err != nil {
		return err
	}
	for len(rows) > 0 {
		part := rows[:min(len(rows), fixedRowsPerInsert)]
		rows = rows[len(part):]
		if _, err := pool.ExecContext(ctx, f.texts[dialect(postgres)][len(part)], f.args(part)...); err != nil {
			return tx.translate(err)
		}
	}
	tx.fixedWrote(f.table, pool)
	return nil
}

// fixedWrote counts a fixed insert into table for the data version, as GORM's callback does for
// its own creates (a no-op for back-office tables).
func (tx *Tx) fixedWrote(table string, pool gorm.ConnPool) {
	if v, ok := tx.db.Config.Plugins[dataVersionName].(*dataVersion); ok {
		v.wrote(table, pool)
	}
}

func dialect(postgres bool) int {
	if postgres {
		return 1
	}
	return 0
}

// fixedPool is the transaction's connection for a fixed statement into table, after the
// insert-fault hook a test may have installed has had its say.
func (tx *Tx) fixedPool(table string) (gorm.ConnPool, bool, error) {
	if fault, ok := tx.db.Config.Plugins[insertFaultName].(insertFault); ok {
		if err := fault(table); err != nil {
			return nil, false, err
		}
	}
	return tx.db.Statement.ConnPool, tx.db.Dialector.Name() == "postgres", nil
}

// translate turns a driver's error into GORM's (a unique violation into gorm.ErrDuplicatedKey),
// as the store's GORM statements do (TranslateError), so callers see the same errors.
func (tx *Tx) translate(err error) error {
	if err == nil {
		return nil
	}
	if t, ok := tx.db.Dialector.(gorm.ErrorTranslator); ok {
		return t.Translate(err)
	}
	return err
}

// jsonText stores a value as GORM's JSON serializer does for a NOT NULL column: its JSON text,
// and "" for a value that encodes as null (a nil slice).
type jsonText struct{ v any }

func (j jsonText) Value() (driver.Value, error) {
	data, err := json.Marshal(j.v)
	if err != nil {
		return nil, fmt.Errorf("json column: %w", err)
	}
	if string(data) == "null" {
		return "", nil
	}
	return string(data), nil
}

// nullUint is a nullable id column.
func nullUint(p *uint) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

// nullTime is a nullable time column.
func nullTime(p *time.Time) any {
	if p == nil {
		return nil
	}
	return *p
}
