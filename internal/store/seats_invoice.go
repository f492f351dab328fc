package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"seminars/internal/model"
)

// NewDocument is a document to number and store in the issuing transaction (IssueDocument):
// the invoice as built, the year of its number series, the outbox items that go with it, and
// for a new booking's invoice the seats to take on its date together with the number.
type NewDocument struct {
	Invoice *model.Invoice // Year, Sequence, Number and ID are filled in
	Year    int
	// Items are the outbox items of the document, in order, given its id (its render job
	// names it). They go into the outbox in one INSERT after the document.
	Items func(invoiceID uint) []JSONItem
	// DateID and Seats, when Seats > 0, take that many seats of the date first, as TakeSeats
	// does: too few left is a *model.SoldOutError and nothing of the document is written.
	DateID uint
	Seats  int
}

// IssueDocument takes the seats (if any), the next number of the document's kind and year,
// stores the document and enqueues its items, in the transaction that issues it. The date's
// row and the counter are the two hot rows every booking waits for: on PostgreSQL both stay
// locked until commit, so a booking's invoice takes them in one statement — a data-modifying
// WITH that takes the seats, raises the counter, inserts the invoice and its outbox items —
// and the locks are held for one round trip and the commit instead of four round trips and
// the commit (docs/benchmarks.md, "PostgreSQL: one round trip under the date's lock"). The
// invoice's id comes from its sequence before that, while nothing is locked yet. SQLite runs
// one writer at a time, so there it is the statements one after another.
func (tx *Tx) IssueDocument(ctx context.Context, d NewDocument) error {
	if d.Seats > 0 && tx.db.Dialector.Name() == "postgres" {
		return tx.issueWithSeatsPostgres(ctx, d)
	}
	if d.Seats > 0 {
		if err := tx.TakeSeats(ctx, d.DateID, d.Seats); err != nil {
			return err
		}
	}
	inv := d.Invoice
	seq, err := tx.NextInvoiceSequence(ctx, inv.Kind, d.Year)
	if err != nil {
		return err
	}
	inv.Year, inv.Sequence, inv.Number = d.Year, seq, model.InvoiceNumber(inv.Kind, d.Year, seq)
	if err := tx.CreateInvoice(ctx, inv); err != nil {
		return fmt.Errorf("store %s: %w", inv.Number, err)
	}
	return EnqueueJSONItems(ctx, tx, d.Items(inv.ID)...)
}

// issueWithSeatsPostgres is IssueDocument's one statement on PostgreSQL. Every part reads the
// one before it (the counter is raised only for a date row updated, the invoice inserted only
// with a number, the items only with the invoice), so a sold-out date writes nothing and the
// date's row is locked before the counter's, as TakeSeats before NextInvoiceSequence did.
// Under READ COMMITTED the seat take re-checks its condition on the row it waited for, and the
// counter's upsert raises the committed value, so the numbers stay unique, gapless and in
// commit order of the date's row.
func (tx *Tx) issueWithSeatsPostgres(ctx context.Context, d NewDocument) error {
	inv := d.Invoice
	if inv.CreatedAt.IsZero() {
		inv.CreatedAt = tx.stamp()
	}
	if inv.TaxTreatment == "" {
		inv.TaxTreatment = model.TaxStandard // the column's default
	}
	for _, table := range []string{"invoice_counters", "invoices", "outbox_items"} {
		if _, _, err := tx.fixedPool(table); err != nil {
			return err
		}
	}
	pool := tx.db.Statement.ConnPool
	var id int64
	if err := pool.QueryRowContext(ctx, invoiceIDSQL).Scan(&id); err != nil {
		return fmt.Errorf("invoice id: %w", tx.translate(err))
	}
	inv.ID = uint(id)
	items, err := outboxRows(tx, d.Items(inv.ID))
	if err != nil {
		return err
	}
	if len(items) == 0 || len(items) > fixedRowsPerInsert {
		return fmt.Errorf("store: %d outbox items with a document, want 1 to %d", len(items), fixedRowsPerInsert)
	}
	args := []any{int64(d.Seats), tx.stamp(), int64(d.DateID), inv.Kind, int64(d.Year), numberPrefix(inv.Kind, d.Year), id}
	invArgs := invoiceInsert.args([]model.Invoice{*inv})
	for i, c := range invoiceInsert.columns {
		if c.name != "number" && c.name != "sequence" && c.name != "year" {
			args = append(args, invArgs[i])
		}
	}
	args = append(args, outboxInsert.args(items)...)
	var (
		seq    int64
		number string
	)
	err = pool.QueryRowContext(ctx, seatsInvoiceSQL[len(items)], args...).Scan(&seq, &number)
	if errors.Is(err, sql.ErrNoRows) { // the date refused the seats: nothing else ran
		return tx.soldOut(ctx, d.DateID, d.Seats)
	}
	if err != nil {
		return fmt.Errorf("seats and invoice of date %d: %w", d.DateID, tx.translate(err))
	}
	inv.Year, inv.Sequence, inv.Number = d.Year, int(seq), model.InvoiceNumber(inv.Kind, d.Year, int(seq))
	if number != inv.Number { // the SQL below writes the number as model.InvoiceNumber does
		return fmt.Errorf("store: invoice numbered %q, want %q", number, inv.Number)
	}
	tx.fixedWrote("seminar_dates", pool) // the seats left show on the public pages
	return nil
}

// invoiceIDSQL reserves the next invoice id (an id, not a number: a rolled-back one leaves a
// gap in ids only, as any insert does).
const invoiceIDSQL = `SELECT nextval(pg_get_serial_sequence('invoices', 'id'))`

// numberPrefix is what model.InvoiceNumber writes before the sequence ("RE-2026-").
func numberPrefix(kind string, year int) string {
	return strings.TrimSuffix(model.InvoiceNumber(kind, year, 0), "00000")
}

// seatsInvoiceSQL is issueWithSeatsPostgres's statement for 1 to fixedRowsPerInsert outbox
// items. Its parameters: $1 seats, $2 the date's updated_at, $3 the date, $4 kind, $5 year,
// $6 the number's prefix, $7 the invoice id, then the invoice's columns but number, year and
// sequence, then the outbox rows.
var seatsInvoiceSQL = func() (texts [fixedRowsPerInsert + 1]string) {
	for n := 1; n <= fixedRowsPerInsert; n++ {
		texts[n] = seatsInvoiceText(n)
	}
	return texts
}()

func seatsInvoiceText(items int) string {
	var b strings.Builder
	b.WriteString(`WITH seats AS (
	UPDATE seminar_dates SET seats_taken = seats_taken + $1, updated_at = $2
	WHERE id = $3 AND seats_taken + $1 <= capacity RETURNING id
), counter AS (
	INSERT INTO invoice_counters (kind, year, last) SELECT $4, $5, 1 FROM seats
	ON CONFLICT (kind, year) DO UPDATE SET last = invoice_counters.last + 1 RETURNING last
), invoice AS (
	INSERT INTO invoices ("id"`)
	n := 7
	var values strings.Builder
	values.WriteString("$7")
	for _, c := range invoiceInsert.columns {
		b.WriteString(`, "` + c.name + `"`)
		switch c.name {
		case "number":
			values.WriteString(", $6 || lpad(last::text, greatest(5, length(last::text)), '0')")
		case "year":
			values.WriteString(", $5")
		case "sequence":
			values.WriteString(", last")
		default:
			n++
			values.WriteString(", $" + strconv.Itoa(n))
		}
	}
	b.WriteString(") SELECT " + values.String() + ` FROM counter RETURNING "sequence", "number"
), items AS (
	INSERT INTO outbox_items (`)
	b.WriteString(`"` + strings.Join(outboxInsert.columnNames(), `", "`) + `"`)
	b.WriteString(`) SELECT "` + strings.Join(outboxInsert.columnNames(), `", "`) + `" FROM (VALUES `)
	for r := range items {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(" + strconv.Itoa(r))
		for _, c := range outboxInsert.columns {
			n++
			// VALUES in FROM does not take its types from the table, as INSERT … VALUES does.
			b.WriteString(", $" + strconv.Itoa(n) + "::" + outboxColumnTypes[c.name])
		}
		b.WriteByte(')')
	}
	b.WriteString(`) AS v ("ord", "` + strings.Join(outboxInsert.columnNames(), `", "`) + `")
	WHERE EXISTS (SELECT FROM invoice) ORDER BY "ord"
	ON CONFLICT ("key") DO NOTHING
)
SELECT "sequence", "number" FROM invoice`)
	return b.String()
}

// outboxColumnTypes are the PostgreSQL types of outboxInsert's columns (TestSeatsInvoiceSQL
// holds them to the migrated table).
var outboxColumnTypes = map[string]string{
	"topic": "text", "key": "text", "payload": "text", "status": "text", "attempts": "bigint",
	"next_attempt_at": "timestamptz", "last_error": "text", "done_at": "timestamptz",
	"created_at": "timestamptz", "updated_at": "timestamptz",
}
