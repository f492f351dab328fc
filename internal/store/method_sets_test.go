package store

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"seminars/internal/model"
)

// fixedTime is the clock of the store this file opens (storetest cannot be imported here).
var fixedTime = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// storeOwnMethods are the methods *Store has besides its Reads: none of them writes a row of the
// service's data (Migrate and the start-up lock change the schema, Backup copies the file,
// RowCounts counts every table for the bad-input tests).
var storeOwnMethods = []string{
	"Backup", "Close", "IsPostgres", "Migrate", "MigrateLocked", "Now", "Ping", "RowCounts", "WithStartupLock", "WithTx",
	"GroupStats", "DataVersion", "WriteSlots", "HotSlots", "Reachable", "UserWrites",
}

func methodNames(t reflect.Type) []string {
	names := make([]string, 0, t.NumMethod())
	for i := range t.NumMethod() {
		names = append(names, t.Method(i).Name)
	}
	return names
}

// TestWritesOnlyOnTx keeps the rule that a write outside a transaction does not compile: a method
// added to *Store directly (instead of to *Tx) fails here, and *Tx keeps every read.
func TestWritesOnlyOnTx(t *testing.T) {
	reads := methodNames(reflect.TypeFor[Reads]())
	for _, name := range methodNames(reflect.TypeFor[*Store]()) {
		if !slices.Contains(reads, name) && !slices.Contains(storeOwnMethods, name) {
			t.Errorf("*Store has method %s that is neither a read nor in storeOwnMethods; writes belong on *Tx", name)
		}
	}
	txMethods := methodNames(reflect.TypeFor[*Tx]())
	for _, name := range reads {
		if !slices.Contains(txMethods, name) {
			t.Errorf("*Tx lacks the read %s", name)
		}
	}
	if len(txMethods) == len(reads) {
		t.Error("*Tx has no write methods")
	}
}

// TestReadPoolRefusesWritesOnSQLite is the second line of defence: a write that slipped into
// Reads by mistake fails loudly on SQLite instead of racing the writer connection.
func TestReadPoolRefusesWritesOnSQLite(t *testing.T) {
	st, err := Open(context.Background(), filepath.Join(t.TempDir(), "s.db"), WithClock(func() time.Time { return fixedTime }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Reads.db.WithContext(context.Background()).
		Create(&model.Seminar{Slug: "x", TitleDE: "x", TitleEN: "x", DurationMinutes: 60}).Error
	if err == nil {
		t.Fatal("write on the read pool succeeded")
	}
}
