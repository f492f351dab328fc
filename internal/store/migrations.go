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
		createTables("0002_outbox", &model.OutboxItem{}),
		createTables("0003_vouchers", &model.Voucher{}),
		{ID: "0101_payments", Migrate: migratePayments, Rollback: rollbackPayments},
		{ID: "0102_payments_checkout_url", Migrate: migrateCheckoutURL, Rollback: rollbackCheckoutURL},
		{ID: "0103_refund_due", Migrate: migrateRefundDue, Rollback: rollbackRefundDue},
		createTables("0301_staff_sessions_tokens", &model.StaffUser{}, &model.StaffSession{}, &model.LoginFailure{}, &model.APIToken{}),
		createTables("0302_audit_log", &model.AuditEntry{}),
		createTables("0303_inhouse_inquiries", &model.InhouseInquiry{}),
		createTables("0304_waitlist", &model.WaitlistEntry{}),
		createTables("0401_invoices", &model.Invoice{}, &model.InvoiceCounter{}),
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
		createTables("0403_issued_documents", &model.IssuedDocument{}),
		{ID: "0501_api_token_role", Migrate: migrateAPITokenRole, Rollback: rollbackAPITokenRole},
	}
}

// migrateAPITokenRole gives API tokens a role. Tokens made before it were made by owners and
// could do everything, so they keep the owner's role (the column's default).
func migrateAPITokenRole(tx *gorm.DB) error {
	if tx.Migrator().HasColumn(&model.APIToken{}, "role") {
		return nil
	}
	return tx.Migrator().AddColumn(&model.APIToken{}, "role")
}

func rollbackAPITokenRole(tx *gorm.DB) error {
	return tx.Migrator().DropColumn(&model.APIToken{}, "role")
}

// createTables is a migration that adds tables, shaped like their models at the time it runs;
// the HasTable guard keeps a rerun on a partly migrated database harmless.
func createTables(id string, tables ...any) *gormigrate.Migration {
	return &gormigrate.Migration{
		ID: id,
		Migrate: func(tx *gorm.DB) error {
			for _, t := range tables {
				if tx.Migrator().HasTable(t) {
					continue
				}
				if err := tx.Migrator().CreateTable(t); err != nil {
					return err
				}
			}
			return nil
		},
		Rollback: func(tx *gorm.DB) error { return tx.Migrator().DropTable(tables...) },
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
