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
// locked until commit, so a booking's invoice first enqueues its outbox items under an invoice
// id reserved for it, and then takes the seats, raises the counter and inserts the invoice in
// one statement (a data-modifying WITH) right before the commit: the locks are held for that
// statement and the commit only, and the outbox rows' index upkeep is done before them
// (docs/benchmarks.md, "PostgreSQL: outbox rows before the date's lock (session 24)"). SQLite
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

// issueWithSeatsPostgres is IssueDocument's two statements on PostgreSQL. The first, before
// any hot row, reserves the invoice's id from its sequence and enqueues the items naming it
// (reserveAndEnqueue). The second takes the seats, raises the counter and inserts the invoice
// under that id; each part reads the one before it (the counter is raised only for a date row
// updated, the invoice inserted only with a number), so a sold-out date numbers nothing, and
// the date's row is locked before the counter's, as TakeSeats before NextInvoiceSequence did.
// Under READ COMMITTED the seat take re-checks its condition on the row it waited for, and the
// counter's upsert raises the committed value, so the numbers stay unique, gapless and in
// commit order of the date's row. A sold-out date takes the items out again, so nothing of the
// document stays written (an id reserved and not used is a gap in ids, never in numbers).
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
	id, itemIDs, err := tx.reserveAndEnqueue(ctx, d.Items)
	if err != nil {
		return err
	}
	args := []any{int64(d.Seats), tx.stamp(), int64(d.DateID), inv.Kind, int64(d.Year), numberPrefix(inv.Kind, d.Year), id}
	invArgs := invoiceInsert.args([]model.Invoice{*inv})
	for i, c := range invoiceInsert.columns {
		if c.name != "number" && c.name != "sequence" && c.name != "year" {
			args = append(args, invArgs[i])
		}
	}
	if err := tx.takeHotSlot(ctx); err != nil { // the next statement locks the date's row
		return err
	}
	var (
		seq    int64
		number string
	)
	err = pool.QueryRowContext(ctx, seatsInvoiceSQL, args...).Scan(&seq, &number)
	if errors.Is(err, sql.ErrNoRows) { // the date refused the seats: nothing was numbered
		if err := tx.dropItems(ctx, itemIDs); err != nil {
			return err
		}
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

// reserveAndEnqueue reserves a new invoice's id (nextval of its sequence) and enqueues the
// items built for it, in one round trip, and returns the id and the ids of the items it
// inserted (an item whose key exists inserts nothing). The items are built before the id is
// known (itemsOfNewInvoice), and SQL puts the id in.
func (tx *Tx) reserveAndEnqueue(ctx context.Context, build func(invoiceID uint) []JSONItem) (id int64, itemIDs string, err error) {
	items, placeholders, err := itemsOfNewInvoice(tx, build)
	if err != nil {
		return 0, "", err
	}
	itemArgs := outboxInsert.args(items)
	width := len(outboxInsert.columns)
	var args []any
	for i := range items {
		args = append(args, placeholders[i])
		args = append(args, itemArgs[i*width:(i+1)*width]...)
	}
	err = tx.db.Statement.ConnPool.QueryRowContext(ctx, reserveItemsSQL[len(items)], args...).Scan(&id, &itemIDs)
	if err != nil {
		return 0, "", fmt.Errorf("outbox items of a new invoice: %w", tx.translate(err))
	}
	return id, itemIDs, nil
}

// dropItems deletes the outbox items reserveAndEnqueue inserted (ids: "1,2"), for a document
// that was refused after them.
func (tx *Tx) dropItems(ctx context.Context, ids string) error {
	if ids == "" {
		return nil
	}
	if _, err := tx.db.Statement.ConnPool.ExecContext(ctx, `DELETE FROM outbox_items WHERE id = ANY(string_to_array($1, ',')::bigint[])`, ids); err != nil {
		return fmt.Errorf("outbox items of a refused invoice: %w", tx.translate(err))
	}
	return nil
}

// The items of a new invoice name its id (its render job's key and payload), which the
// statement enqueueing them reserves. itemsOfNewInvoice builds them for two stand-in ids; an
// item that differs between the two is stored with the stand-in's digits replaced by the real
// id in SQL (its placeholder), the others as they are (placeholder "", which PostgreSQL's
// replace leaves alone). The stand-ins are longer than any id and checked to be the only
// difference, so no other digits of an item can be taken for them. (Reserving the id in a
// round trip of its own would let the items be built for it, at one more round trip.)
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

// seatsInvoiceSQL is issueWithSeatsPostgres's statement under the hot rows. Its parameters:
// $1 seats, $2 the date's updated_at, $3 the date, $4 kind, $5 year, $6 the number's prefix,
// $7 the invoice's id (reserveAndEnqueue), then the invoice's columns but number, year and
// sequence.
var seatsInvoiceSQL = func() string {
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
	values := strings.Builder{}
	values.WriteString("$7")
	for _, c := range invoiceInsert.columns {
		b.WriteString(`, "` + c.name + `"`)
		values.WriteString(", ")
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
	b.WriteString(") SELECT " + values.String() + ` FROM counter RETURNING "sequence", "number"
)
SELECT "sequence", "number" FROM invoice`)
	return b.String()
}()

// reserveItemsSQL is reserveAndEnqueue's statement for 1 to fixedRowsPerInsert outbox items:
// the invoice id's nextval, the items with the stand-ins replaced by it, and back the id and
// the inserted items' ids. Its parameters: per outbox row its stand-in id (itemsOfNewInvoice)
// and its columns.
var reserveItemsSQL = func() (texts [fixedRowsPerInsert + 1]string) {
	for n := 1; n <= fixedRowsPerInsert; n++ {
		texts[n] = reserveItemsText(n)
	}
	return texts
}()

func reserveItemsText(items int) string {
	var b strings.Builder
	b.WriteString(`WITH invoice AS (
	SELECT nextval(pg_get_serial_sequence('invoices', 'id')) AS "id"
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
	n := 0
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
	ON CONFLICT ("key") DO NOTHING RETURNING "id"
)
SELECT (SELECT "id" FROM invoice), coalesce((SELECT string_agg("id"::text, ',') FROM items), '')`)
	return b.String()
}

// outboxColumnTypes are the PostgreSQL types of outboxInsert's columns (TestSeatsInvoiceSQL
// holds them to the migrated table).
var outboxColumnTypes = map[string]string{
	"topic": "text", "key": "text", "payload": "text", "status": "text", "attempts": "bigint",
	"next_attempt_at": "timestamptz", "last_error": "text", "done_at": "timestamptz",
	"created_at": "timestamptz", "updated_at": "timestamptz",
}
