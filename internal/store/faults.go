package store

import (
	"regexp"

	"gorm.io/gorm"
)

// WithInsertFault makes the store ask fault before every INSERT on its write connection, with
// the table's name, and fail the insert with fault's error when it returns one. It exists for
// tests that prove a use case's writes commit together or not at all (make the audit or the
// outbox insert fail, then find the change rolled back) on both databases; production never
// passes it.
func WithInsertFault(fault func(table string) error) Option {
	return func(o *openOptions) { o.insertFault = fault }
}

// rawInsert finds the table of an INSERT written out as SQL and run through GORM (Exec); the
// fixed inserts of fixed_insert.go ask the hook themselves.
var rawInsert = regexp.MustCompile(`(?is)^\s*insert\s+into\s+"?(\w+)`)

// insertFaultName is the plugin's name in gorm.Config.Plugins, where the fixed inserts
// (fixed_insert.go), which bypass GORM's callbacks, look the hook up.
const insertFaultName = "seminars:insert_fault"

// insertFault is WithInsertFault's hook as a GORM plugin.
type insertFault func(table string) error

// Name is the plugin's name (gorm.Plugin).
func (insertFault) Name() string { return insertFaultName }

// Initialize installs the hook before GORM's creates and before written-out INSERTs (Exec), so
// a fixed statement on a hot path cannot slip past the tests that inject failures.
func (fault insertFault) Initialize(db *gorm.DB) error {
	if err := db.Callback().Create().Before("gorm:create").Register("seminars:insert_fault", func(db *gorm.DB) {
		if err := fault(db.Statement.Table); err != nil {
			_ = db.AddError(err)
		}
	}); err != nil {
		return err
	}
	return db.Callback().Raw().Before("gorm:raw").Register("seminars:insert_fault_raw", func(db *gorm.DB) {
		m := rawInsert.FindStringSubmatch(db.Statement.SQL.String())
		if m == nil {
			return
		}
		if err := fault(m[1]); err != nil {
			_ = db.AddError(err)
		}
	})
}

// registerInsertFault installs fault on db (nil: nothing).
func registerInsertFault(db *gorm.DB, fault func(table string) error) error {
	if fault == nil {
		return nil
	}
	return db.Use(insertFault(fault))
}
