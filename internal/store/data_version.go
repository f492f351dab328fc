package store

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// SharedVersionPoll is how often DataVersion reads the version other instances bump on a shared
// PostgreSQL: a write by another instance shows on this one's cached pages within this bound.
const SharedVersionPoll = time.Second

// backOfficeTables are written without changing anything a public page shows (the catalogue, a
// seminar's page, the seminars API). Writes to every other table — seminars, dates, bookings and
// their seats, attendees, trainers, venues, settings, questions, feedback quotes, and any table
// added later — change the data version. A table missing here costs a needless re-render, never a
// stale page, which is why this lists the exceptions rather than the catalogue's tables.
var backOfficeTables = map[string]bool{
	"api_tokens": true, "attendee_answers": true, "audit_entries": true, "check_ins": true,
	"feedback_consents": true, "inhouse_inquiries": true, "invoice_counters": true, "invoices": true,
	"issued_documents": true, "login_failures": true, "material_contents": true, "materials": true,
	"offer_documents": true, "offers": true, "outbox_items": true, "password_resets": true,
	"payment_reminders": true, "payments": true, "staff_recovery_codes": true, "staff_sessions": true,
	"staff_users": true, "stripe_events": true, "waitlist_entries": true, "migrations": true,
}

// dataVersion tells caches of public pages when to render again. Inside a transaction a write to
// a public table only marks (pending); the version itself moves after the commit, so a reader
// that sees the new version also sees the committed rows — a page rendered between the write and
// the commit is filed under the old version and never served under the new one.
type dataVersion struct {
	pending atomic.Uint64 // public-table writes seen, committed or not
	local   atomic.Uint64 // commits of this process that wrote a public table

	// On PostgreSQL other instances bump the sequence data_version after their commits; it is
	// read at most every SharedVersionPoll (by the store's clock).
	polling sync.Mutex
	shared  atomic.Int64
	polled  atomic.Int64 // unix nanoseconds of the last poll; 0 before the first
}

// writeStatement finds the table a raw statement writes ("" and false for one that writes
// nothing, such as SELECT or VACUUM INTO).
var writeStatement = regexp.MustCompile(`(?is)^\s*(?:insert\s+into|update|delete\s+from|replace\s+into)\s+"?(\w+)`)

// registerDataVersion watches every write on the write pool.
func registerDataVersion(db *gorm.DB, v *dataVersion) error { return db.Use(v) }

// dataVersionName is the version's name in gorm.Config.Plugins, where the fixed inserts
// (fixed_insert.go), which bypass GORM's callbacks, find it.
const dataVersionName = "seminars:data_version"

// Name is the plugin's name (gorm.Plugin).
func (*dataVersion) Name() string { return dataVersionName }

// Initialize installs the callbacks that count GORM's writes (gorm.Plugin).
func (v *dataVersion) Initialize(db *gorm.DB) error {
	mark := func(db *gorm.DB) {
		if db.Error != nil || db.Statement == nil {
			return
		}
		table := db.Statement.Table
		if table == "" && db.Statement.SQL.Len() > 0 {
			sql := db.Statement.SQL.String()
			m := writeStatement.FindStringSubmatch(sql)
			if m == nil {
				if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(sql)), "with") {
					return // reads, locks, VACUUM INTO
				}
			} else {
				table = m[1]
			}
		}
		v.wrote(table, db.Statement.ConnPool)
	}
	cb := db.Callback()
	for _, err := range []error{
		cb.Create().After("gorm:create").Register("seminars:data_version", mark),
		cb.Update().After("gorm:update").Register("seminars:data_version", mark),
		cb.Delete().After("gorm:delete").Register("seminars:data_version", mark),
		cb.Raw().After("gorm:raw").Register("seminars:data_version", mark),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// wrote counts a write to table through pool: one to a public table moves the version, at once
// in autocommit, after the commit in a transaction.
func (v *dataVersion) wrote(table string, pool gorm.ConnPool) {
	if backOfficeTables[strings.ToLower(table)] {
		return
	}
	v.pending.Add(1)
	switch pool.(type) {
	case gorm.TxCommitter, detachedPool: // a transaction, or a group commit's batch: moved after the commit
	default:
		v.local.Add(1) // autocommit: already committed
	}
}

// committed moves the version after a commit that wrote a public table, and tells the other
// instances on PostgreSQL. The bump is outside the transaction and cannot fail the write: if it
// does not reach the database, other instances see the change with the next write.
func (s *Store) committed(ctx context.Context) {
	s.version.local.Add(1)
	if s.postgres {
		var n int64
		_ = s.write.WithContext(context.WithoutCancel(ctx)).Raw("SELECT nextval('data_version')").Scan(&n).Error
	}
}

// DataVersion is a token that changes whenever a committed write may have changed what a public
// page shows: at once for this process's writes, and within SharedVersionPoll for writes of other
// instances on the same PostgreSQL. Pages cached under one token are current for it.
func (s *Store) DataVersion(ctx context.Context) string {
	local := strconv.FormatUint(s.version.local.Load(), 10)
	if !s.postgres {
		return local
	}
	now := s.now().UnixNano()
	last := s.version.polled.Load()
	if (last == 0 || now-last >= int64(SharedVersionPoll) || now < last) && s.version.polling.TryLock() {
		var n int64
		if err := s.read.WithContext(ctx).Raw("SELECT last_value FROM data_version").Scan(&n).Error; err == nil {
			s.version.shared.Store(n)
			s.version.polled.Store(now)
		}
		s.version.polling.Unlock()
	}
	return local + "." + strconv.FormatInt(s.version.shared.Load(), 10)
}
