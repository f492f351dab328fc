// Package storetest opens real databases for tests: a fresh SQLite file per test, and a fresh
// PostgreSQL schema per test on the server named by SEMINARS_TEST_POSTGRES (default
// postgres://postgres@127.0.0.1:5432/test). Without a reachable PostgreSQL the PostgreSQL half of
// a test is skipped locally and fails under CI=true, where .ci/run guarantees one.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver to create and drop schemas

	"seminars/internal/model"
	"seminars/internal/store"
)

// DefaultPostgresURL is used when SEMINARS_TEST_POSTGRES is unset.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// SQLite opens a migrated store on a new SQLite file in the test's temp dir; its clock stands at
// ReferenceTime.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	return SQLiteAt(t, NewClock(t))
}

// SQLiteAt is SQLite with the store's timestamps taken from clk.
func SQLiteAt(t testing.TB, clk *Clock) *store.Store {
	t.Helper()
	return SQLiteWith(t, clk.Option())
}

// SQLiteWith is SQLite opened with opts; pass store.WithClock, or the store's clock is the wall clock.
func SQLiteWith(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "seminars.db"), opts...)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// PostgresURL returns the server's URL for tests.
func PostgresURL() string {
	if u := os.Getenv("SEMINARS_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

// Postgres opens a migrated store in a new schema of the test PostgreSQL server and drops the
// schema when the test ends; its clock stands at ReferenceTime.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	return PostgresAt(t, NewClock(t))
}

// PostgresAt is Postgres with the store's timestamps taken from clk.
func PostgresAt(t testing.TB, clk *Clock) *store.Store {
	t.Helper()
	return PostgresWith(t, clk.Option())
}

// PostgresWith is Postgres opened with opts; pass store.WithClock, or the store's clock is the wall clock.
func PostgresWith(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), PostgresSchemaURL(t), opts...)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// PostgresSchemaURL makes a new, empty schema on the test PostgreSQL server, drops it when the
// test ends, and returns a URL whose search_path is that schema: for tests that open the
// database themselves (a real `seminars serve`, two instances sharing one database). Without a
// server the test is skipped, or fails under CI.
func PostgresSchemaURL(t testing.TB) string {
	t.Helper()
	base := PostgresURL()
	admin, err := sql.Open("pgx", base)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		err = admin.PingContext(ctx)
		cancel()
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL at %s is required under CI: %v", base, err)
		}
		t.Skipf("PostgreSQL at %s not reachable: %v", base, err)
	}
	schema := "t_" + randomHex(8)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		_ = admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Databases are the databases every store and booking test runs against.
var Databases = []struct {
	Name     string
	Open     func(testing.TB) *store.Store
	OpenAt   func(testing.TB, *Clock) *store.Store
	OpenWith func(testing.TB, ...store.Option) *store.Store
}{
	{"sqlite", SQLite, SQLiteAt, SQLiteWith},
	{"postgres", Postgres, PostgresAt, PostgresWith},
}

// Each runs fn as a subtest once per database.
func Each(t *testing.T, fn func(t *testing.T, st *store.Store)) {
	for _, db := range Databases {
		t.Run(db.Name, func(t *testing.T) { fn(t, db.Open(t)) })
	}
}

// EachAt runs fn as a subtest once per database, each with its own clock starting at start and
// shared by the store: hand clk.Now to the services under test.
func EachAt(t *testing.T, start time.Time, fn func(t *testing.T, st *store.Store, clk *Clock)) {
	for _, db := range Databases {
		t.Run(db.Name, func(t *testing.T) {
			clk := NewClockAt(t, start)
			fn(t, db.OpenAt(t, clk), clk)
		})
	}
}

// DateOptions shape the seminar date that SeedDate creates.
type DateOptions struct {
	Capacity      int
	SeatsTaken    int
	PriceNetCents int64
	StartsIn      time.Duration // from the clock's now; default 30 days
	StartsAt      time.Time     // an exact start, for tests at fixed times; overrides StartsIn
	EndsAt        time.Time     // an exact end; default eight hours after the start
	// Clock is the now StartsIn counts from; nil means the store's own clock (never the wall clock).
	Clock  *Clock
	Format string
	City   string
	Status string
	// MinParticipants is the date's minimum of confirmed seats (0 = none).
	MinParticipants int
}

// SeedDate creates a seminar with one date and returns the date (with its seminar).
func SeedDate(t testing.TB, st *store.Store, o DateOptions) model.SeminarDate {
	t.Helper()
	if o.Capacity == 0 {
		o.Capacity = 10
	}
	if o.PriceNetCents == 0 {
		o.PriceNetCents = 49000
	}
	if o.StartsIn == 0 {
		o.StartsIn = 30 * 24 * time.Hour
	}
	if o.Format == "" {
		o.Format = model.FormatInPerson
	}
	if o.City == "" && o.Format == model.FormatInPerson {
		o.City = "Berlin"
	}
	if o.Status == "" {
		o.Status = model.DatePublished
	}
	start := o.StartsAt.UTC()
	if start.IsZero() {
		now := st.Now()
		if o.Clock != nil {
			now = o.Clock.Now()
		}
		start = startOfTestDay(now.Add(o.StartsIn), o.StartsIn)
	}
	end := o.EndsAt.UTC()
	if end.IsZero() {
		end = start.Add(8 * time.Hour)
	}
	slug := "test-" + randomHex(4)
	sem := model.Seminar{
		Slug: slug, TitleDE: "Testseminar " + slug, TitleEN: "Test seminar " + slug,
		FunctionList: "marketing,sales", DurationMinutes: 480, DefaultPriceCents: o.PriceNetCents, Published: true,
		Dates: []model.SeminarDate{{
			StartsAt: start, EndsAt: end, Capacity: o.Capacity, SeatsTaken: o.SeatsTaken,
			PriceNetCents: o.PriceNetCents, Format: o.Format, City: o.City, Venue: "Tagungshaus",
			Address: "Hauptstraße 1, 10115 Berlin", Status: o.Status, MinParticipants: o.MinParticipants,
		}},
	}
	err := st.WithTx(context.Background(), func(tx *store.Tx) error { return tx.CreateSeminar(context.Background(), &sem) })
	if err != nil {
		t.Fatalf("seed date: %v", err)
	}
	d, err := st.DateByID(context.Background(), sem.Dates[0].ID)
	if err != nil {
		t.Fatalf("reload date: %v", err)
	}
	return d
}

// startOfTestDay puts a seeded date at 09:00 Berlin time on the day it falls on, so an eight-hour
// date ends the same evening whatever the hour the test runs at (a date started at now+30 days
// crossed midnight in Berlin every day after 15:00 UTC). A date less than two days away keeps its
// exact offset from the clock, rounded to the hour: those tests are about deadlines close to the start.
func startOfTestDay(at time.Time, in time.Duration) time.Time {
	if in < 48*time.Hour {
		return at.UTC().Truncate(time.Hour)
	}
	berlin := Berlin()
	local := at.In(berlin)
	return time.Date(local.Year(), local.Month(), local.Day(), 9, 0, 0, 0, berlin).UTC()
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return hex.EncodeToString(b)
}
