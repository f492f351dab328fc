package store

import (
	"context"
	"embed"
	"fmt"
	"strings"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migrationFiles hold the DDL of each step, one file per dialect: migrations/<id>.sqlite.sql and
// migrations/<id>.postgres.sql.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationSteps are the schema's versions, applied in this order and recorded by id in the
// migrations table. The model structs do not define the schema: these steps do, and
// TestModelsMatchSchema fails when a model field has no column.
//
// A step is frozen once it has shipped: never edit, rename, reorder or delete one — a database
// that ran it would never see the change. To change the schema, append a step:
//
//  1. pick the next number and a name, e.g. "0002_booking_notes";
//  2. write migrations/0002_booking_notes.sqlite.sql and migrations/0002_booking_notes.postgres.sql
//     (explicit DDL; types, autoincrement/identity, booleans and timestamps differ between the two,
//     see 0001_baseline) — or, for a data migration SQL alone cannot express, a
//     *gormigrate.Migration whose Migrate function runs explicit SQL (never the model structs);
//  3. add sqlStep("0002_booking_notes") at the end of this list;
//  4. change the model struct to match, then rewrite the schema snapshots with
//     `go test ./internal/store -run TestSchemaSnapshot -update` and review their diff.
func migrationSteps() []*gormigrate.Migration {
	return []*gormigrate.Migration{
		// The schema before the first release; it replaced the struct-built steps 0001–0402.
		replacing("0402_buyer_reference", sqlStep("0001_baseline")),
		replacing("0403_issued_documents", sqlStep("0002_issued_documents")),
		replacing("0501_api_token_role", sqlStep("0003_api_token_role")),
		sqlStep("0004_tax_treatment"),
		sqlStep("0009_attention_detail"),
		sqlStep("0011_booking_terms_version"),
		sqlStep("0012_settings"),
		sqlStep("0013_payments"),
		sqlStep("0014_manage_rotation"),
		sqlStep("0016_check_ins"),
		sqlStep("0017_mails"),
		sqlStep("0018_staff_accounts"),
		sqlStep("0019_cancellation_fees"),
		sqlStep("0020_min_participants"),
		sqlStep("0021_booking_legal_hold"),
		sqlStep("0022_group_pricing"),
		sqlStep("0023_trainers_venues"),
		sqlStep("0024_questions"),
		sqlStep("0025_materials"),
		sqlStep("0026_feedback"),
		sqlStep("0027_inhouse_offers"),
		sqlStep("0028_seminar_funding"),
		sqlStep("0029_admin_indexes"),
		sqlStep("0032_catalogue"),
		sqlStep("0033_feedback_answers_index"),
		sqlStep("0034_booking_indexes"),
		sqlStep("0037_dates_ends_at_index"),
	}
}

// replacing marks step as applied, without running it, on a database that ran legacyID, the
// struct-built migration step it replaces. Only the steps that took over from the struct-built
// migrations need it (a development database made by those has their schema already); a new
// step is a plain sqlStep.
func replacing(legacyID string, step *gormigrate.Migration) *gormigrate.Migration {
	run := step.Migrate
	step.Migrate = func(tx *gorm.DB) error {
		var n int64
		if err := tx.Table("migrations").Where("id = ?", legacyID).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		return run(tx)
	}
	return step
}

// sqlStep is a step whose DDL is in migrations/<id>.<dialect>.sql. The files hold one statement
// per semicolon at the end of a line; lines starting with "--" are comments.
func sqlStep(id string) *gormigrate.Migration {
	return &gormigrate.Migration{
		ID: id,
		Migrate: func(tx *gorm.DB) error {
			statements, err := stepStatements(id, tx.Dialector.Name())
			if err != nil {
				return err
			}
			for _, s := range statements {
				if err := tx.Exec(s).Error; err != nil {
					return fmt.Errorf("%s: %w", id, err)
				}
			}
			return nil
		},
	}
}

// stepStatements reads a step's statements for a dialect ("sqlite" or "postgres").
func stepStatements(id, dialect string) ([]string, error) {
	text, err := migrationFiles.ReadFile("migrations/" + id + "." + dialect + ".sql")
	if err != nil {
		return nil, fmt.Errorf("migration %s for %s: %w", id, dialect, err)
	}
	var statements []string
	var current strings.Builder
	for _, line := range strings.Split(string(text), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "--") {
			continue
		}
		current.WriteString(line)
		current.WriteString("\n")
		if strings.HasSuffix(trimmed, ";") {
			statements = append(statements, strings.TrimSpace(current.String()))
			current.Reset()
		}
	}
	if rest := strings.TrimSpace(current.String()); rest != "" {
		return nil, fmt.Errorf("migration %s for %s: statement without a closing semicolon: %.60s", id, dialect, rest)
	}
	return statements, nil
}

// migrate applies the steps a database has not seen yet, in one transaction, so a failed step
// leaves the schema as it was. Callers hold the start-up lock.
func migrate(ctx context.Context, db *gorm.DB, steps []*gormigrate.Migration) error {
	options := &gormigrate.Options{TableName: "migrations", IDColumnName: "id", IDColumnSize: 100, UseTransaction: true}
	if err := gormigrate.New(db.WithContext(ctx), options, steps).Migrate(); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	return nil
}

// Migrate brings the schema up to date under the start-up lock, so that several instances
// starting at once apply each step exactly once.
func (s *Store) Migrate(ctx context.Context) error {
	return s.WithStartupLock(ctx, s.MigrateLocked)
}

// MigrateLocked is Migrate for a caller that holds the start-up lock already (inside
// WithStartupLock), so that one hold covers the migrations and what start-up does after them.
func (s *Store) MigrateLocked(ctx context.Context) error {
	return migrate(ctx, s.write, migrationSteps())
}
