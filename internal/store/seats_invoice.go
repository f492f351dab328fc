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
// the commit (docs/benchmarks.md, "PostgreSQL: one round trip under the date's lock"). SQLite
// runs one writer at a time, so there it is the statements one after another.
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
	items, placeholders, err := itemsOfNewInvoice(tx, d.Items)
	if err != nil {
		return err
	}
	args := []any{int64(d.Seats), tx.stamp(), int64(d.DateID), inv.Kind, int64(d.Year), numberPrefix(inv.Kind, d.Year)}
	invArgs := invoiceInsert.args([]model.Invoice{*inv})
	for i, c := range invoiceInsert.columns {
		if c.name != "number" && c.name != "sequence" && c.name != "year" {
			args = append(args, invArgs[i])
		}
	}
	itemArgs := outboxInsert.args(items)
	width := len(outboxInsert.columns)
	for i := range items {
		args = append(args, placeholders[i])
		args = append(args, itemArgs[i*width:(i+1)*width]...)
	}
	var (
		id, seq int64
		number  string
	)
	err = pool.QueryRowContext(ctx, seatsInvoiceSQL[len(items)], args...).Scan(&id, &seq, &number)
	if errors.Is(err, sql.ErrNoRows) { // the date refused the seats: nothing else ran
		return tx.soldOut(ctx, d.DateID, d.Seats)
	}
	if err != nil {
		return fmt.Errorf("seats and invoice of date %d: %w", d.DateID, tx.translate(err))
	}
	inv.ID, inv.Year, inv.Sequence, inv.Number = uint(id), d.Year, int(seq), model.InvoiceNumber(inv.Kind, d.Year, int(seq))
	if number != inv.Number { // the SQL below writes the number as model.InvoiceNumber does
		return fmt.Errorf("store: invoice numbered %q, want %q", number, inv.Number)
	}
	tx.fixedWrote("seminar_dates", pool) // the seats left show on the public pages
	return nil
}

// The items of a new invoice name its id (its render job's key and payload), which the WITH
// statement only learns when it inserts the invoice. itemsOfNewInvoice builds them for two
// stand-in ids; an item that differs between the two is stored with the stand-in's digits
// replaced by the real id in SQL (its placeholder), the others as they are (placeholder "",
// which PostgreSQL's replace leaves alone). The stand-ins are longer than any id and checked
// to be the only difference, so no other digits of an item can be taken for them.
const (
	standInID      = 98765432109876
	otherStandInID = 12345678901234
)

func itemsOfNewInvoice(tx *Tx, build func(invoiceID uint) []JSONItem) (items []model.OutboxItem, placeholders []string, err error) {
	items, err = outboxRows(tx, build(standInID))
	if err != nil {
		return nil, nil, err
	}
	other, err := outboxRows(tx, build(otherStandInID))
	if err != nil {
		return nil, nil, err
	}
	if len(items) == 0 || len(items) > fixedRowsPerInsert || len(other) != len(items) {
		return nil, nil, fmt.Errorf("store: %d outbox items with a document, want 1 to %d", len(items), fixedRowsPerInsert)
	}
	standIn, otherStandIn := strconv.FormatUint(standInID, 10), strconv.FormatUint(otherStandInID, 10)
	placeholders = make([]string, len(items))
	for i, it := range items {
		if it.Key == other[i].Key && it.Payload == other[i].Payload {
			continue
		}
		if strings.ReplaceAll(it.Key, standIn, otherStandIn) != other[i].Key || strings.ReplaceAll(it.Payload, standIn, otherStandIn) != other[i].Payload {
			return nil, nil, fmt.Errorf("store: outbox item %s depends on the invoice id other than by its digits", it.Topic)
		}
		placeholders[i] = standIn
	}
	return items, placeholders, nil
}

// numberPrefix is what model.InvoiceNumber writes before the sequence ("RE-2026-").
func numberPrefix(kind string, year int) string {
	return strings.TrimSuffix(model.InvoiceNumber(kind, year, 0), "00000")
}

// seatsInvoiceSQL is issueWithSeatsPostgres's statement for 1 to fixedRowsPerInsert outbox
// items. Its parameters: $1 seats, $2 the date's updated_at, $3 the date, $4 kind, $5 year,
// $6 the number's prefix, then the invoice's columns but number, year and sequence, then per
// outbox row its stand-in id (itemsOfNewInvoice) and its columns.
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
	INSERT INTO invoices (`)
	n := 6
	var values strings.Builder
	for i, c := range invoiceInsert.columns {
		if i > 0 {
			b.WriteString(", ")
			values.WriteString(", ")
		}
		b.WriteString(`"` + c.name + `"`)
		switch c.name {
		case "number":
			values.WriteString("$6 || lpad(last::text, greatest(5, length(last::text)), '0')")
		case "year":
			values.WriteString("$5")
		case "sequence":
			values.WriteString("last")
		default:
			n++
			values.WriteString("$" + strconv.Itoa(n))
		}
	}
	b.WriteString(") SELECT " + values.String() + ` FROM counter RETURNING "id", "sequence", "number"
), items AS (
	INSERT INTO outbox_items (`)
	b.WriteString(`"` + strings.Join(outboxInsert.columnNames(), `", "`) + `"`)
	b.WriteString(`) SELECT `)
	for i, c := range outboxInsert.columns {
		if i > 0 {
			b.WriteString(", ")
		}
		if c.name == "key" || c.name == "payload" {
			b.WriteString(`replace(v."` + c.name + `", v."stand_in", invoice."id"::text)`)
		} else {
			b.WriteString(`v."` + c.name + `"`)
		}
	}
	b.WriteString(` FROM (VALUES `)
	for r := range items {
		if r > 0 {
			b.WriteString(", ")
		}
		n++
		b.WriteString("(" + strconv.Itoa(r) + ", $" + strconv.Itoa(n) + "::text")
		for _, c := range outboxInsert.columns {
			n++
			// VALUES in FROM does not take its types from the table, as INSERT … VALUES does.
			b.WriteString(", $" + strconv.Itoa(n) + "::" + outboxColumnTypes[c.name])
		}
		b.WriteByte(')')
	}
	b.WriteString(`) AS v ("ord", "stand_in", "` + strings.Join(outboxInsert.columnNames(), `", "`) + `")
	CROSS JOIN invoice ORDER BY v."ord"
	ON CONFLICT ("key") DO NOTHING
)
SELECT "id", "sequence", "number" FROM invoice`)
	return b.String()
}

// outboxColumnTypes are the PostgreSQL types of outboxInsert's columns (TestSeatsInvoiceSQL
// holds them to the migrated table).
var outboxColumnTypes = map[string]string{
	"topic": "text", "key": "text", "payload": "text", "status": "text", "attempts": "bigint",
	"next_attempt_at": "timestamptz", "last_error": "text", "done_at": "timestamptz",
	"created_at": "timestamptz", "updated_at": "timestamptz",
}
