package invoice_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/worker"
)

// issuedAt is the fixed clock of these tests: a Tuesday morning in Berlin.
var issuedAt = time.Date(2026, time.March, 3, 8, 30, 0, 0, time.UTC)

// versionedRenderer stands for a renderer that changes between calls (a new release of the
// layout, other fonts): each file it draws carries the number of the call that drew it.
type versionedRenderer struct {
	real  invoice.DocumentRenderer
	calls atomic.Int64
}

func (r *versionedRenderer) InvoicePDF(inv model.Invoice) ([]byte, error) {
	pdf, err := r.real.InvoicePDF(inv)
	return append(pdf, fmt.Sprintf("%% renderer version %d\n", r.calls.Add(1))...), err
}

func (r *versionedRenderer) EInvoiceXML(inv model.Invoice) ([]byte, error) {
	xml, err := r.real.EInvoiceXML(inv)
	return append(xml, fmt.Sprintf("<!-- renderer version %d -->\n", r.calls.Add(1))...), err
}

// jobs runs background items with the default failure policy and no log.
func jobs(st *store.Store) *worker.Runner { return worker.New(st, worker.Settings{}) }

// Issuing writes a document.render item in the issuing transaction; the render round stores the
// PDF and the XML once, with their digest, and a second round (or a retried item) renders nothing.
func TestIssuedDocumentsAreRenderedOnceAfterCommit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		inv := issue(t, st, seedBooking(t, st, seedDate(t, st), 2, "de"), issuedAt)
		var cn model.Invoice
		err := st.WithTx(ctx, func(tx *store.Tx) (err error) {
			cn, err = invoice.IssueCreditNote(ctx, tx, inv, inv.NetCents, "Storno", issuedAt.Add(time.Hour))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range []model.Invoice{inv, cn} {
			if n, _ := st.CountIssuedDocuments(ctx, doc.ID); n != 0 {
				t.Fatalf("%s: %d files stored inside the issuing transaction, want 0 (rendering happens after commit)", doc.Number, n)
			}
		}
		items, err := st.DueOutboxItems(ctx, model.TopicDocumentRender, issuedAt.Add(2*time.Hour), 10)
		if err != nil || len(items) != 2 {
			t.Fatalf("document.render items %d (%v), want one per issued document", len(items), err)
		}

		r := &versionedRenderer{real: renderer(t)}
		docs := invoice.NewDocuments(st, r, func() time.Time { return issuedAt.Add(2 * time.Hour) })
		if n, err := docs.RenderDue(ctx, jobs(st), issuedAt.Add(2*time.Hour)); err != nil || n != 2 {
			t.Fatalf("render round took %d items (%v), want 2", n, err)
		}
		if got := r.calls.Load(); got != 4 {
			t.Fatalf("%d files rendered, want 4 (PDF and XML of two documents)", got)
		}
		for _, doc := range []model.Invoice{inv, cn} {
			for kind, magic := range map[string]string{model.DocumentPDF: "%PDF-", model.DocumentXML: "<?xml"} {
				stored, err := st.IssuedDocument(ctx, doc.ID, kind)
				if err != nil {
					t.Fatalf("%s.%s: %v", doc.Number, kind, err)
				}
				sum := sha256.Sum256(stored.Data)
				if !bytes.HasPrefix(stored.Data, []byte(magic)) || stored.Size != int64(len(stored.Data)) ||
					stored.SHA256 != hex.EncodeToString(sum[:]) || !stored.RenderedAt.Equal(issuedAt.Add(2*time.Hour)) {
					t.Errorf("%s.%s stored as %q…, size %d of %d, sha %s, at %s", doc.Number, kind, stored.Data[:min(8, len(stored.Data))],
						stored.Size, len(stored.Data), stored.SHA256, stored.RenderedAt)
				}
			}
		}

		if n, err := docs.RenderDue(ctx, jobs(st), issuedAt.Add(3*time.Hour)); err != nil || n != 0 {
			t.Errorf("second round took %d items (%v), want none", n, err)
		}
		if err := docs.RenderAll(ctx, inv); err != nil {
			t.Fatal(err)
		}
		if got := r.calls.Load(); got != 4 {
			t.Errorf("rendering again drew %d more files, want none: stored files are never redrawn", got-4)
		}
	})
}

// A renderer that changes after issuing (a new release) does not change an issued document:
// File serves the bytes stored the first time.
func TestIssuedDocumentsDoNotChangeWithTheRenderer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		inv := issue(t, st, seedBooking(t, st, seedDate(t, st), 1, "en"), issuedAt)
		r := &versionedRenderer{real: renderer(t)}
		docs := invoice.NewDocuments(st, r, func() time.Time { return issuedAt })
		for _, kind := range []string{model.DocumentPDF, model.DocumentXML} {
			first, err := docs.File(ctx, inv, kind)
			if err != nil {
				t.Fatal(err)
			}
			again, err := docs.File(ctx, inv, kind)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Data, again.Data) {
				t.Errorf("%s: the second read differs from the first (%d vs %d bytes)", kind, len(first.Data), len(again.Data))
			}
		}
		if got := r.calls.Load(); got != 2 {
			t.Errorf("%d files rendered, want 2: the changed renderer drew again", got)
		}
		if _, err := docs.File(ctx, inv, "docx"); err == nil {
			t.Error("an unknown kind was served")
		}
	})
}

// Concurrent readers of a file nobody has rendered yet all get the same bytes, one row is
// stored, and in one process they share one render (the render job and a mail race for every
// booking's invoice). Readers in two instances (two Documents) may each render their own,
// different, copy; the unique index still keeps one.
func TestConcurrentReadersOfAMissingFileStoreOne(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		inv := issue(t, st, seedBooking(t, st, seedDate(t, st), 1, "de"), issuedAt)
		r := &versionedRenderer{real: renderer(t)}
		docs := invoice.NewDocuments(st, r, func() time.Time { return issuedAt })
		other := invoice.NewDocuments(st, r, func() time.Time { return issuedAt })
		const readers = 8
		got := make([][]byte, readers)
		errs := make([]error, readers)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range readers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				instance := docs
				if i == readers-1 {
					instance = other // another instance's reader
				}
				doc, err := instance.File(ctx, inv, model.DocumentPDF)
				got[i], errs[i] = doc.Data, err
			}()
		}
		close(start)
		wg.Wait()
		for i := range readers {
			if errs[i] != nil {
				t.Fatalf("reader %d: %v", i, errs[i])
			}
			if !bytes.Equal(got[i], got[0]) {
				t.Errorf("reader %d got other bytes than reader 0", i)
			}
		}
		if n, err := st.CountIssuedDocuments(ctx, inv.ID); err != nil || n != 1 {
			t.Errorf("%d rows stored (%v), want 1", n, err)
		}
		stored, _ := st.IssuedDocument(ctx, inv.ID, model.DocumentPDF)
		if !bytes.Equal(stored.Data, got[0]) {
			t.Error("readers got other bytes than the stored ones")
		}
		// One render for the seven readers of one instance, at most one more for the other's.
		if n := r.calls.Load(); n < 1 || n > 2 {
			t.Errorf("%d renders for %d concurrent readers in two instances, want 1 or 2", n, readers)
		}
	})
}
