// Package store opens the database (SQLite or PostgreSQL), migrates it and runs every query.
// It is the only package that touches *gorm.DB. Reads go to a read pool; writes go through WithTx.
//
// The method sets enforce that: Reads holds every query that only reads and is embedded in both
// Store and Tx; every method that writes anything (including the row locks a write takes) is
// defined on *Tx alone, so a write outside a transaction does not compile.
//
// The schema is defined by versioned, frozen migration steps of explicit DDL per dialect
// (migrations.go, migrations/*.sql), not by the model structs; migrationSteps says how to add
// one. Migrations, and whatever else start-up must do once per database (demo seeding, the first
// admin), run under WithStartupLock, so several instances can start together.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"seminars/internal/model"
)

// Store is the database. Its embedded Reads read from the read pool; it has no write methods:
// writes need a *Tx from WithTx.
type Store struct {
	Reads
	write    *gorm.DB
	read     *gorm.DB
	postgres bool
	path     string       // the SQLite file; empty on PostgreSQL
	group    *groupWriter // SQLite's group commit (WithTx); nil on PostgreSQL
	// writeSlots bounds PostgreSQL's write transactions running at once (writeConcurrency),
	// hotSlots those of them at the date's row lock (hotConcurrency).
	writeSlots  chan struct{}
	hotSlots    chan struct{}
	hotPatience time.Duration
	// version moves with every committed write that may change a public page (DataVersion).
	version *dataVersion
	// userWrites counts the committed write transactions not made by a background job
	// (UserWrites), so CPU-heavy jobs can tell a booking storm is on.
	userWrites atomic.Uint64
}

// Tx is a write transaction. Its embedded Reads see the transaction's own uncommitted state; the
// write methods are defined on *Tx only.
type Tx struct {
	Reads
	hot *hotSlot // PostgreSQL's second gate (takeHotSlot); nil on SQLite
}

// Reads are the queries that change nothing, bound to the read pool (on Store) or to a
// transaction (on Tx).
type Reads struct {
	db  *gorm.DB
	now func() time.Time // stamps created_at/updated_at and the defaults of Enqueue
}

// Open connects to dsn — a SQLite file path or a postgres:// URL — and migrates the schema under
// the start-up lock. The clock (WithClock) stamps the bookkeeping columns.
func Open(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	s, err := Connect(ctx, dsn, opts...)
	if err != nil {
		return nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// Connect connects to dsn like Open but leaves the schema alone, for a caller that migrates
// itself inside a longer start-up under WithStartupLock (see MigrateLocked).
//
// SQLite runs in WAL mode with synchronous=FULL: one writer connection whose transactions start
// with BEGIN IMMEDIATE (so two writers never deadlock or fail with "database is locked" on lock
// upgrade; they queue for the connection instead), and a separate pool of read-only connections
// that WAL lets read while the writer writes.
func Connect(ctx context.Context, dsn string, opts ...Option) (*Store, error) {
	o := openOptions{now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	var s *Store
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s, err = openPostgres(ctx, dsn, o.now)
	} else {
		s, err = openSQLite(ctx, dsn, o.now)
	}
	if err != nil {
		return nil, err
	}
	s.version = &dataVersion{}
	if err := registerDataVersion(s.write, s.version); err != nil {
		_ = s.Close()
		return nil, err
	}
	if err := registerInsertFault(s.write, o.insertFault); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

func gormConfig(now func() time.Time) *gorm.Config {
	return &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // every multi-row write already runs in WithTx
		NowFunc:                func() time.Time { return now().UTC() },
		TranslateError:         true,
	}
}

func openSQLite(ctx context.Context, path string, now func() time.Time) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store: create %s: %w", dir, err)
		}
	}
	common := url.Values{}
	common.Set("_journal_mode", "WAL")
	common.Set("_synchronous", "FULL")
	common.Set("_busy_timeout", "10000")
	common.Set("_foreign_keys", "on")
	writeParams := cloneValues(common)
	writeParams.Set("_txlock", "immediate")
	write, err := gorm.Open(sqlite.New(sqlite.Config{Conn: openSQLitePool("file:" + path + "?" + writeParams.Encode())}), gormConfig(now))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	writeDB, err := write.DB()
	if err != nil {
		return nil, err
	}
	writeDB.SetMaxOpenConns(1)
	writeDB.SetMaxIdleConns(1)
	writeDB.SetConnMaxLifetime(0)

	readParams := cloneValues(common)
	readParams.Set("_query_only", "true")
	read, err := gorm.Open(sqlite.New(sqlite.Config{Conn: openSQLitePool("file:" + path + "?" + readParams.Encode())}), gormConfig(now))
	if err != nil {
		_ = writeDB.Close()
		return nil, fmt.Errorf("store: open read pool %s: %w", path, err)
	}
	readDB, err := read.DB()
	if err != nil {
		return nil, err
	}
	readDB.SetMaxOpenConns(8)
	readDB.SetMaxIdleConns(8)
	s := &Store{Reads: Reads{db: read, now: now}, write: write, read: read, path: path}
	s.group = startGroupWriter(write, now)
	if err := s.Ping(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

func openPostgres(ctx context.Context, dsn string, now func() time.Time) (*Store, error) {
	db, err := gorm.Open(postgres.Open(dsn), gormConfig(now))
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	sqlDB.SetMaxOpenConns(20)
	sqlDB.SetMaxIdleConns(10)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	s := &Store{Reads: Reads{db: db, now: now}, write: db, read: db, postgres: true,
		writeSlots: make(chan struct{}, writeConcurrency()), hotSlots: make(chan struct{}, hotConcurrency()),
		hotPatience: hotSlotPatience}
	if err := s.Ping(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// IsPostgres tells which database is behind the store.
func (s *Store) IsPostgres() bool { return s.postgres }

// Ping checks that both pools answer.
func (s *Store) Ping(ctx context.Context) error {
	for _, db := range []*gorm.DB{s.write, s.read} {
		sqlDB, err := db.DB()
		if err != nil {
			return err
		}
		if err := sqlDB.PingContext(ctx); err != nil {
			return fmt.Errorf("store: ping: %w", err)
		}
	}
	return nil
}

// Close waits for the write transactions already queued for group commit (new ones get
// ErrClosed), then closes both pools.
func (s *Store) Close() error {
	if s.group != nil {
		s.group.close()
	}
	var errs []error
	for _, db := range uniquePools(s.write, s.read) {
		sqlDB, err := db.DB()
		if err == nil {
			err = sqlDB.Close()
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func uniquePools(a, b *gorm.DB) []*gorm.DB {
	if a == b {
		return []*gorm.DB{a}
	}
	return []*gorm.DB{a, b}
}

// WithTx runs fn in one write transaction, committed when fn returns nil and rolled back
// otherwise (or when it panics). It returns only once the outcome is durable.
//
// On SQLite, where every write transaction queues for the one writer connection and each commit
// costs an fsync, fns waiting at the same moment share one transaction and one commit (group
// commit, group_commit.go): a single writer goroutine takes what is queued (up to
// groupMaxBatch, never waiting for more) and runs each fn in its own SAVEPOINT, in queue order,
// so a fn sees the writes of those before it in the batch, and a refusal (a full date, a
// validation error) rolls back that fn alone. An error at COMMIT fails every member. A panic in
// fn is recovered on the writer goroutine and raised again in the caller as a *PanicError.
//
// fn runs on the writer goroutine: it must not open another transaction (that deadlocks, as a
// nested transaction did on SQLite's one connection before). Its statements do not see ctx's
// cancellation — on SQLite an interrupted write would roll back the whole batch — so a ctx
// cancelled while fn runs rolls back fn's savepoint after fn returns; a ctx cancelled while
// queued makes WithTx return at once, and fn never runs. On PostgreSQL it is one plain
// transaction.
//
// A commit that wrote a table public pages show moves DataVersion.
func (s *Store) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	if s.group != nil {
		err := s.versioned(ctx, func() error { return s.group.do(ctx, fn) })
		if p, ok := err.(*PanicError); ok {
			panic(p)
		}
		s.countUserWrite(ctx, err)
		return err
	}
	if err := s.takeWriteSlot(ctx); err != nil {
		return err
	}
	err := s.versioned(ctx, func() error {
		// The slot is the transaction's: it is given back at its end, before the data
		// version's round trip after the commit (which is no write transaction), so the next
		// booking is let in while this one's caller still answers.
		defer s.giveWriteSlot()
		hot := &hotSlot{slots: s.hotSlots, patience: s.hotPatience}
		defer hot.give()
		return s.write.WithContext(ctx).Transaction(func(db *gorm.DB) error {
			return fn(&Tx{Reads: Reads{db: db, now: s.now}, hot: hot})
		})
	})
	s.countUserWrite(ctx, err)
	return err
}

// versioned runs commit — one transaction, answered after its commit — and moves DataVersion
// when a write to a public table was seen meanwhile. In a group commit the writes seen may be
// another member's: that costs a needless re-render, never a stale page, and that member moves
// the version itself after the same commit.
func (s *Store) versioned(ctx context.Context, commit func() error) error {
	before := s.version.pending.Load()
	err := commit()
	if err == nil && s.version.pending.Load() != before {
		s.committed(ctx)
	}
	return err
}

// notFound turns GORM's missing-record error into the domain's.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s: %w", what, model.ErrNotFound)
	}
	return err
}

// IsUniqueViolation tells whether err comes from a unique constraint.
func IsUniqueViolation(err error) bool { return errors.Is(err, gorm.ErrDuplicatedKey) }
