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
		{ID: "0101_payments", Migrate: migratePayments, Rollback: rollbackPayments},
		{ID: "0102_payments_checkout_url", Migrate: migrateCheckoutURL, Rollback: rollbackCheckoutURL},
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
