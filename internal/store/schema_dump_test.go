package store

import (
	"fmt"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// dumpSchema writes the schema of db as normalised text: one block per table with its columns
// (type, NOT NULL, default, primary key), its indexes (unique or not, columns, partial condition)
// and its foreign keys, tables and indexes sorted by name. The text is the same whatever order the
// migrations created things in, so two ways to the same schema compare equal.
func dumpSchema(db *gorm.DB) (string, error) {
	if db.Dialector.Name() == "postgres" {
		return dumpPostgres(db)
	}
	return dumpSQLite(db)
}

func dumpSQLite(db *gorm.DB) (string, error) {
	var tables []string
	if err := db.Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").Scan(&tables).Error; err != nil {
		return "", err
	}
	var b strings.Builder
	for _, table := range tables {
		var create string
		if err := db.Raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&create).Error; err != nil {
			return "", err
		}
		autoincrement := ""
		if strings.Contains(strings.ToUpper(create), "AUTOINCREMENT") {
			autoincrement = " autoincrement" // visible only in the CREATE statement
		}
		fmt.Fprintf(&b, "table %s%s\n", table, autoincrement)
		var cols []struct {
			Cid     int
			Name    string
			Type    string
			NotNull int
			Dflt    *string `gorm:"column:dflt_value"`
			PK      int     `gorm:"column:pk"`
		}
		if err := db.Raw("SELECT cid, name, type, \"notnull\" AS not_null, dflt_value, pk FROM pragma_table_info(?) ORDER BY cid", table).Scan(&cols).Error; err != nil {
			return "", err
		}
		for _, c := range cols {
			fmt.Fprintf(&b, "  column %s %s%s%s%s\n", c.Name, strings.ToLower(c.Type), notNull(c.NotNull == 1), dflt(c.Dflt), pk(c.PK))
		}
		var indexes []struct {
			Name    string
			Unique  int
			Origin  string
			Partial int
		}
		if err := db.Raw("SELECT name, \"unique\" AS \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name", table).Scan(&indexes).Error; err != nil {
			return "", err
		}
		for _, ix := range indexes {
			var cols []string
			if err := db.Raw("SELECT name FROM pragma_index_info(?) ORDER BY seqno", ix.Name).Scan(&cols).Error; err != nil {
				return "", err
			}
			name := ix.Name
			if ix.Origin == "pk" {
				name = "(primary key)"
			}
			var where string
			if ix.Partial == 1 {
				var sql string
				if err := db.Raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", ix.Name).Scan(&sql).Error; err != nil {
					return "", err
				}
				if i := strings.Index(strings.ToUpper(sql), " WHERE "); i >= 0 {
					where = " where " + strings.TrimSpace(sql[i+7:])
				}
			}
			fmt.Fprintf(&b, "  %sindex %s (%s)%s\n", unique(ix.Unique == 1), name, strings.Join(cols, ", "), where)
		}
		var fks []struct {
			Table string
			From  string
			To    string
		}
		if err := db.Raw("SELECT \"table\" AS \"table\", \"from\" AS \"from\", \"to\" AS \"to\" FROM pragma_foreign_key_list(?) ORDER BY \"from\"", table).Scan(&fks).Error; err != nil {
			return "", err
		}
		for _, fk := range fks {
			fmt.Fprintf(&b, "  foreign key (%s) references %s(%s)\n", fk.From, fk.Table, fk.To)
		}
	}
	return b.String(), nil
}

func dumpPostgres(db *gorm.DB) (string, error) {
	var tables []string
	if err := db.Raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name").Scan(&tables).Error; err != nil {
		return "", err
	}
	var b strings.Builder
	for _, table := range tables {
		fmt.Fprintf(&b, "table %s\n", table)
		var cols []struct {
			Name     string
			DataType string
			MaxLen   *int
			Nullable string
			Dflt     *string
		}
		err := db.Raw(`SELECT column_name AS name, data_type, character_maximum_length AS max_len, is_nullable AS nullable, column_default AS dflt
			FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`, table).Scan(&cols).Error
		if err != nil {
			return "", err
		}
		for _, c := range cols {
			typ := c.DataType
			if c.MaxLen != nil {
				typ = fmt.Sprintf("%s(%d)", typ, *c.MaxLen)
			}
			fmt.Fprintf(&b, "  column %s %s%s%s\n", c.Name, typ, notNull(c.Nullable == "NO"), dflt(c.Dflt))
		}
		var indexes []struct {
			Name string `gorm:"column:indexname"`
			Def  string `gorm:"column:indexdef"`
		}
		if err := db.Raw("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname", table).Scan(&indexes).Error; err != nil {
			return "", err
		}
		for _, ix := range indexes {
			// The definition names the test's schema; drop it so snapshots compare across schemas.
			def := strings.Replace(ix.Def, " ON "+currentSchema(db)+".", " ON ", 1)
			fmt.Fprintf(&b, "  index %s\n", def)
		}
		var constraints []struct {
			Name string
			Def  string
		}
		err = db.Raw(`SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
			JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = current_schema() AND t.relname = ? ORDER BY c.conname`, table).Scan(&constraints).Error
		if err != nil {
			return "", err
		}
		for _, c := range constraints {
			fmt.Fprintf(&b, "  constraint %s %s\n", c.Name, c.Def)
		}
	}
	return b.String(), nil
}

func currentSchema(db *gorm.DB) string {
	var s string
	_ = db.Raw("SELECT current_schema()").Scan(&s).Error
	return s
}

func notNull(yes bool) string {
	if yes {
		return " not null"
	}
	return ""
}

func dflt(v *string) string {
	if v == nil {
		return ""
	}
	return " default " + *v
}

func pk(pos int) string {
	if pos == 0 {
		return ""
	}
	return fmt.Sprintf(" primary key %d", pos)
}

func unique(yes bool) string {
	if yes {
		return "unique "
	}
	return ""
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range sortedKeys(count) {
		switch n := count[l]; {
		case n > 0:
			fmt.Fprintf(&b, "- %s\n", l)
		case n < 0:
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}
