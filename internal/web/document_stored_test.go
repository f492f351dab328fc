package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"seminars/internal/app/apptest"
	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
	"seminars/internal/web"
)

// storedDocsNow is the fixed clock of these tests.
var storedDocsNow = time.Date(2026, time.September, 14, 10, 0, 0, 0, time.UTC)

// storedDocServer is a server on st whose bookings are confirmed by invoice, at a fixed time.
func storedDocServer(t *testing.T, st *store.Store) (baseURL string, cfg config.Config) {
	t.Helper()
	cfg = apptest.Config(t)
	now := func() time.Time { return storedDocsNow }
	srv, err := web.New(apptest.NewWith(t, st, cfg, now, slog.New(slog.NewTextHandler(io.Discard, nil))))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL, cfg
}

// bookedInvoice books one attendee by invoice and returns the booking's invoice and the URL of
// its documents folder with the manage token.
func bookedInvoice(t *testing.T, st *store.Store, base string, dateID uint, email string) (model.Invoice, func(file string) string) {
	t.Helper()
	ref, token := docBook(t, base, dateID, email)
	b, err := st.BookingByReference(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.InvoicesForBooking(context.Background(), b.ID)
	if err != nil || len(docs) != 1 {
		t.Fatalf("invoices %v, %v", docs, err)
	}
	return docs[0], func(file string) string { return base + "/b/" + ref + "/documents/" + file + "?t=" + token }
}

// olderRenderer is the renderer of an earlier release: its files end in a mark today's lacks.
type olderRenderer struct{ today *invoice.Renderer }

func (r olderRenderer) InvoicePDF(inv model.Invoice) ([]byte, error) {
	pdf, err := r.today.InvoicePDF(inv)
	return append(pdf, "% older renderer\n"...), err
}

func (r olderRenderer) EInvoiceXML(inv model.Invoice) ([]byte, error) {
	xml, err := r.today.EInvoiceXML(inv)
	return append(xml, "<!-- older renderer -->\n"...), err
}

// A download serves the file stored when the document was issued, not what today's renderer
// would draw; and concurrent first downloads of a file nobody rendered yet store it once.
func TestDocumentDownloadsServeTheStoredFiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		base, cfg := storedDocServer(t, st)
		date := storetest.SeedDate(t, st, storetest.DateOptions{StartsAt: storedDocsNow.AddDate(0, 1, 0)})
		catalog, err := i18n.New()
		if err != nil {
			t.Fatal(err)
		}

		t.Run("a renderer change after issuing changes nothing", func(t *testing.T) {
			inv, doc := bookedInvoice(t, st, base, date.ID, "alt@example.de")
			older := invoice.NewDocuments(st, olderRenderer{invoice.NewRenderer(catalog, cfg.Location)}, func() time.Time { return storedDocsNow })
			if err := older.RenderAll(ctx, inv); err != nil {
				t.Fatal(err)
			}
			for _, kind := range []string{model.DocumentPDF, model.DocumentXML} {
				stored, err := st.IssuedDocument(ctx, inv.ID, kind)
				if err != nil {
					t.Fatal(err)
				}
				status, ctype, body := docGet(t, doc(invoice.FileName(inv, kind)))
				if status != 200 || ctype != stored.ContentType || body != string(stored.Data) || !strings.Contains(body, "older renderer") {
					t.Errorf("%s: %d %s, %d bytes, want the stored %d bytes", kind, status, ctype, len(body), len(stored.Data))
				}
			}
		})

		t.Run("concurrent first downloads store one file", func(t *testing.T) {
			inv, doc := bookedInvoice(t, st, base, date.ID, "neu@example.de")
			const readers = 6
			bodies := make([]string, readers)
			var wg sync.WaitGroup
			for i := range readers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					status, _, body := docGet(t, doc(invoice.FileName(inv, model.DocumentPDF)))
					if status != 200 {
						t.Errorf("download %d: %d", i, status)
					}
					bodies[i] = body
				}()
			}
			wg.Wait()
			stored, err := st.IssuedDocument(ctx, inv.ID, model.DocumentPDF)
			if err != nil {
				t.Fatal(err)
			}
			for i, body := range bodies {
				if body != string(stored.Data) {
					t.Errorf("download %d: %d bytes, not the stored %d", i, len(body), len(stored.Data))
				}
			}
			if n, err := st.CountIssuedDocuments(ctx, inv.ID); err != nil || n != 1 {
				t.Errorf("%d files stored (%v), want 1", n, err)
			}
		})
	})
}
