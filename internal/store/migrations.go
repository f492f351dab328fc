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
			ID:       "0401_invoices",
			Migrate:  migrateInvoices,
			Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropTable(&model.Invoice{}, &model.InvoiceCounter{}) },
		},
		{
			ID: "0402_buyer_reference",
			Migrate: func(tx *gorm.DB) error {
				if tx.Migrator().HasColumn(&model.Booking{}, "billing_buyer_reference") {
					return nil
				}
				return tx.Migrator().AddColumn(&model.Booking{}, "billing_buyer_reference")
			},
			Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropColumn(&model.Booking{}, "billing_buyer_reference") },
		},
	}
}

// migrateInvoices creates the issued documents and their number counters.
func migrateInvoices(tx *gorm.DB) error {
	for _, table := range []any{&model.Invoice{}, &model.InvoiceCounter{}} {
		if tx.Migrator().HasTable(table) {
			continue
		}
		if err := tx.Migrator().CreateTable(table); err != nil {
			return err
		}
	}
	return nil
}

// Migrate brings the schema up to date.
func Migrate(db *gorm.DB) error {
	m := gormigrate.New(db, &gormigrate.Options{TableName: "migrations", IDColumnName: "id", IDColumnSize: 100, UseTransaction: true}, migrations())
	if err := m.Migrate(); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}
