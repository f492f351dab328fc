package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// stmtCacheSize bounds the statements one SQLite connection keeps prepared. The store's queries
// are a few hundred fixed strings; queries with IN lists of varying length beyond the bound are
// prepared for each use as before.
const stmtCacheSize = 256

// sqliteConnector opens go-sqlite3 connections that keep their prepared statements.
//
// go-sqlite3 prepares, runs and finalizes every statement on each call, and GORM's PrepareStmt
// does not help inside transactions (a statement prepared in one database/sql transaction is
// closed with it and prepared again in the next), yet every write here runs in a transaction:
// preparing was 16 % of a booking's CPU. The cache lives in the connection, which database/sql
// hands to one goroutine at a time, so it needs no lock, and is finalized with it. It works the
// same on the single writer connection and on the read pool.
type sqliteConnector struct {
	dsn    string
	driver *sqlite3.SQLiteDriver
}

// openSQLitePool is sql.Open("sqlite3", dsn) with the statement cache.
func openSQLitePool(dsn string) *sql.DB {
	return sql.OpenDB(sqliteConnector{dsn: dsn, driver: &sqlite3.SQLiteDriver{}})
}

func (c sqliteConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.driver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &cachingConn{SQLiteConn: conn.(*sqlite3.SQLiteConn), stmts: map[string]*cachedStmt{}}, nil
}

func (c sqliteConnector) Driver() driver.Driver { return c.driver }

// cachingConn is a go-sqlite3 connection whose ExecContext and QueryContext (the calls
// database/sql and GORM make) reuse one prepared statement per SQL text.
type cachingConn struct {
	*sqlite3.SQLiteConn
	stmts map[string]*cachedStmt
}

type cachedStmt struct {
	stmt *sqlite3.SQLiteStmt
	busy bool // its rows are still open: a second use of the same text prepares its own
}

// statement returns the cached statement for query, preparing it on first use, or nil when
// query must take the driver's own path: several statements in one string (go-sqlite3 runs
// them one after another), a full cache, or the statement still reading rows.
func (c *cachingConn) statement(ctx context.Context, query string) (*cachedStmt, error) {
	if cs, ok := c.stmts[query]; ok {
		if cs.busy {
			return nil, nil
		}
		return cs, nil
	}
	if strings.Contains(query, ";") || len(c.stmts) >= stmtCacheSize {
		return nil, nil
	}
	st, err := c.SQLiteConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	cs := &cachedStmt{stmt: st.(*sqlite3.SQLiteStmt)}
	c.stmts[query] = cs
	return cs, nil
}

// ExecContext runs query on its cached statement.
func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	cs, err := c.statement(ctx, query)
	if err != nil || cs == nil {
		if err != nil {
			return nil, err
		}
		return c.SQLiteConn.ExecContext(ctx, query, args)
	}
	res, err := cs.stmt.ExecContext(ctx, args)
	// go-sqlite3 leaves an executed statement unreset (it finalizes its own); one that returned
	// a row (INSERT … RETURNING run as Exec) would stay active until its next use. Opening and
	// closing rows without stepping resets it.
	if rows, qerr := cs.stmt.QueryContext(ctx, nil); qerr == nil {
		_ = rows.Close()
	}
	return res, err
}

// QueryContext runs query on its cached statement; the statement is busy until the rows close.
func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	cs, err := c.statement(ctx, query)
	if err != nil || cs == nil {
		if err != nil {
			return nil, err
		}
		return c.SQLiteConn.QueryContext(ctx, query, args)
	}
	rows, err := cs.stmt.QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	cs.busy = true
	return &cachedRows{SQLiteRows: rows.(*sqlite3.SQLiteRows), owner: cs}, nil
}

// Close finalizes the cached statements, then closes the connection.
func (c *cachingConn) Close() error {
	for q, cs := range c.stmts {
		_ = cs.stmt.Close()
		delete(c.stmts, q)
	}
	return c.SQLiteConn.Close()
}

// cachedRows resets its statement on Close (go-sqlite3 does, for a statement it did not prepare
// itself) and frees it for the next use.
type cachedRows struct {
	*sqlite3.SQLiteRows
	owner *cachedStmt
}

func (r *cachedRows) Close() error {
	err := r.SQLiteRows.Close()
	r.owner.busy = false
	return err
}
