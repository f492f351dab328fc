package store

import "gorm.io/gorm"

// WithInsertFault makes the store ask fault before every INSERT on its write connection, with
// the table's name, and fail the insert with fault's error when it returns one. It exists for
// tests that prove a use case's writes commit together or not at all (make the audit or the
// outbox insert fail, then find the change rolled back) on both databases; production never
// passes it.
func WithInsertFault(fault func(table string) error) Option {
	return func(o *openOptions) { o.insertFault = fault }
}

// registerInsertFault installs fault as a GORM create callback on db.
func registerInsertFault(db *gorm.DB, fault func(table string) error) error {
	if fault == nil {
		return nil
	}
	return db.Callback().Create().Before("gorm:create").Register("seminars:insert_fault", func(db *gorm.DB) {
		if err := fault(db.Statement.Table); err != nil {
			_ = db.AddError(err)
		}
	})
}
