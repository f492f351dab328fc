package store

import (
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"seminars/internal/model"
)

// migrations are applied in order and recorded in the migrations table; never edit one that has
// shipped — add a new one. The first creates the tables from today's models; every later one
// changes the schema explicitly (and guards with HasColumn/HasTable, because a fresh database
// gets the newest model shapes from the first migration).
func migrations() []*gormigrate.Migration {
	return []*gormigrate.Migration{
		{
			ID: "0001_catalogue_and_bookings",
			Migrate: func(tx *gorm.DB) error {
				return tx.Migrator().CreateTable(&model.Seminar{}, &model.SeminarDate{}, &model.Booking{}, &model.Attendee{})
			},
			Rollback: func(tx *gorm.DB) error {
				return tx.Migrator().DropTable(&model.Attendee{}, &model.Booking{}, &model.SeminarDate{}, &model.Seminar{})
			},
		},
		{
			ID: "0002_outbox",
			Migrate: func(tx *gorm.DB) error {
				if tx.Migrator().HasTable(&model.OutboxItem{}) {
					return nil
				}
				return tx.Migrator().CreateTable(&model.OutboxItem{})
			},
			Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropTable(&model.OutboxItem{}) },
		},
		{
			ID:      "0301_staff_sessions_tokens",
			Migrate: func(tx *gorm.DB) error { return createTables(tx, staffTables()...) },
			Rollback: func(tx *gorm.DB) error {
				return tx.Migrator().DropTable(staffTables()...)
			},
		},
		{
			ID:       "0302_audit_log",
			Migrate:  func(tx *gorm.DB) error { return createTables(tx, &model.AuditEntry{}) },
			Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropTable(&model.AuditEntry{}) },
		},
		{
			ID:       "0303_inhouse_inquiries",
			Migrate:  func(tx *gorm.DB) error { return createTables(tx, &model.InhouseInquiry{}) },
			Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropTable(&model.InhouseInquiry{}) },
		},
		{
			ID:       "0304_waitlist",
			Migrate:  func(tx *gorm.DB) error { return createTables(tx, &model.WaitlistEntry{}) },
			Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropTable(&model.WaitlistEntry{}) },
		},
	}
}

// Migrate brings the schema up to date.
func Migrate(db *gorm.DB) error {
	m := gormigrate.New(db, &gormigrate.Options{TableName: "migrations", IDColumnName: "id", IDColumnSize: 100, UseTransaction: true}, migrations())
	if err := m.Migrate(); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

func staffTables() []any {
	return []any{&model.StaffUser{}, &model.StaffSession{}, &model.LoginFailure{}, &model.APIToken{}}
}

// createTables creates each table that does not exist yet.
func createTables(tx *gorm.DB, tables ...any) error {
	for _, t := range tables {
		if tx.Migrator().HasTable(t) {
			continue
		}
		if err := tx.Migrator().CreateTable(t); err != nil {
			return err
		}
	}
	return nil
}
