package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"gorm.io/gorm"

	"seminars/internal/model"
)

// TestMigrationStepByStep applies the steps one at a time from the first on an empty database of
// each dialect: every step must apply on the state the previous ones left, be recorded once, and
// the end result must be the committed snapshot; migrating again changes nothing.
func TestMigrationStepByStep(t *testing.T) {
	ctx := context.Background()
	steps := migrationSteps()
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Connect(ctx, db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			previous := ""
			for i, step := range steps {
				if err := migrate(ctx, st.write, steps[:i+1]); err != nil {
					t.Fatalf("step %s on the schema of the steps before it: %v", step.ID, err)
				}
				var applied []string
				if err := st.write.Table("migrations").Order("id").Pluck("id", &applied).Error; err != nil {
					t.Fatal(err)
				}
				if len(applied) != i+1 || applied[i] != step.ID {
					t.Fatalf("after step %s the migrations table holds %v", step.ID, applied)
				}
				schema, err := dumpSchema(st.write)
				if err != nil {
					t.Fatal(err)
				}
				if schema == previous {
					t.Errorf("step %s changed nothing in the schema", step.ID)
				}
				previous = schema
			}
			compareSnapshot(t, filepath.Join("testdata", "schema."+db.name+".txt"), previous)
			if err := st.Migrate(ctx); err != nil {
				t.Fatalf("migrating an up-to-date database: %v", err)
			}
			if again, _ := dumpSchema(st.write); again != previous {
				t.Errorf("migrating again changed the schema:\n%s", lineDiff(previous, again))
			}
		})
	}
}

// TestMigrationFilesPairUp checks that each SQL file belongs to a step and has its twin for the
// other dialect, and that every statement in it ends with a semicolon.
func TestMigrationFilesPairUp(t *testing.T) {
	ids := map[string]bool{}
	for _, step := range migrationSteps() {
		if ids[step.ID] {
			t.Errorf("step id %s used twice", step.ID)
		}
		ids[step.ID] = true
	}
	files, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no migration files embedded")
	}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".sql")
		id, dialect, ok := strings.Cut(base, ".")
		if !ok || (dialect != "sqlite" && dialect != "postgres") {
			t.Errorf("%s: want <id>.sqlite.sql or <id>.postgres.sql", f)
			continue
		}
		if !ids[id] {
			t.Errorf("%s belongs to no step in migrationSteps", f)
		}
		for _, d := range []string{"sqlite", "postgres"} {
			statements, err := stepStatements(id, d)
			if err != nil {
				t.Errorf("%s: %v", id, err)
			} else if len(statements) == 0 {
				t.Errorf("%s.%s.sql has no statement", id, d)
			}
		}
	}
}

// TestBaselineOnLegacyDatabase opens a development database made by the struct-built migrations
// the baseline replaced: its schema is the baseline's, so the baseline is recorded, not run.
func TestBaselineOnLegacyDatabase(t *testing.T) {
	ctx := context.Background()
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Connect(ctx, db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			statements, err := stepStatements("0001_baseline", st.write.Dialector.Name())
			if err != nil {
				t.Fatal(err)
			}
			legacy := append(statements, "CREATE TABLE migrations (id varchar(100) PRIMARY KEY)",
				"INSERT INTO migrations (id) VALUES ('0001_catalogue_and_bookings'), ('0402_buyer_reference')")
			for _, s := range legacy {
				if err := st.write.Exec(s).Error; err != nil {
					t.Fatal(err)
				}
			}
			if err := st.Migrate(ctx); err != nil {
				t.Fatalf("migrate a legacy database: %v", err)
			}
			var n int64
			if err := st.write.Table("migrations").Where("id = ?", "0001_baseline").Count(&n).Error; err != nil || n != 1 {
				t.Fatalf("baseline recorded %d times: %v", n, err)
			}
		})
	}
}

// schemaModels are the structs stored in a table each. A new table needs its model here, or
// TestModelsMatchSchema fails.
func schemaModels() []any {
	return []any{
		&model.Seminar{}, &model.SeminarDate{}, &model.Booking{}, &model.Attendee{}, &model.OutboxItem{},
		&model.Voucher{}, &model.StripeEvent{}, &model.StaffUser{}, &model.StaffSession{}, &model.LoginFailure{},
		&model.APIToken{}, &model.AuditEntry{}, &model.InhouseInquiry{}, &model.WaitlistEntry{},
		&model.Invoice{}, &model.InvoiceCounter{}, &model.IssuedDocument{}, &model.Setting{}, &model.Payment{},
		&model.StaffRecoveryCode{}, &model.PasswordReset{},
		&model.PaymentReminder{},
		&model.CheckIn{},
		&model.SeminarQuestion{}, &model.AttendeeAnswer{},
		&model.Venue{}, &model.Trainer{}, &model.DateTrainer{}, &model.TrainerPhoto{},
		&model.Material{}, &model.MaterialContent{},
		&model.Feedback{}, &model.FeedbackConsent{},
		&model.Offer{}, &model.OfferDocument{},
	}
}

// TestModelsMatchSchema checks that the GORM models and the migrated schema agree on each
// dialect: every model field has a column, every column a field, and every table a model. A field
// added without a migration step (or a step without its field) fails here.
func TestModelsMatchSchema(t *testing.T) {
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Open(context.Background(), db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			tables, err := st.write.Migrator().GetTables()
			if err != nil {
				t.Fatal(err)
			}
			unmodelled := map[string]bool{}
			for _, table := range tables {
				unmodelled[table] = table != "migrations" && !strings.HasPrefix(table, "sqlite_")
			}
			for _, m := range schemaModels() {
				table, fields := modelColumns(t, st.write, m)
				delete(unmodelled, table)
				columns := tableColumns(t, st.write, table)
				for _, f := range fields {
					if !columns[f] {
						t.Errorf("%T field %s has no column in table %s: add a migration step", m, f, table)
					}
					delete(columns, f)
				}
				for _, c := range sortedKeys(columns) {
					t.Errorf("table %s column %s has no field in %T", table, c, m)
				}
			}
			for _, table := range sortedKeys(unmodelled) {
				if unmodelled[table] {
					t.Errorf("table %s has no model in schemaModels", table)
				}
			}
		})
	}
}

// modelColumns returns a model's table and the columns its fields map to (relations left out).
func modelColumns(t *testing.T, db *gorm.DB, m any) (string, []string) {
	t.Helper()
	stmt := &gorm.Statement{DB: db}
	if err := stmt.Parse(m); err != nil {
		t.Fatalf("parse %T: %v", m, err)
	}
	var columns []string
	for _, f := range stmt.Schema.Fields {
		if f.DBName != "" {
			columns = append(columns, f.DBName)
		}
	}
	return stmt.Schema.Table, columns
}

func tableColumns(t *testing.T, db *gorm.DB, table string) map[string]bool {
	t.Helper()
	types, err := db.Migrator().ColumnTypes(table)
	if err != nil {
		t.Fatalf("columns of %s: %v", table, err)
	}
	columns := map[string]bool{}
	for _, c := range types {
		columns[c.Name()] = true
	}
	return columns
}
