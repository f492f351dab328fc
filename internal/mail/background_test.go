package mail_test

import (
	"fmt"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/worker"
)

// countingRenderer counts the documents drawn, so a benchmark can say how many PDFs a booking
// cost (each issued file should be drawn once).
type countingRenderer struct {
	invoice.DocumentRenderer
	pdfs, xmls atomic.Int64
}

func (c *countingRenderer) InvoicePDF(inv model.Invoice) ([]byte, error) {
	c.pdfs.Add(1)
	return c.DocumentRenderer.InvoicePDF(inv)
}

func (c *countingRenderer) EInvoiceXML(inv model.Invoice) ([]byte, error) {
	c.xmls.Add(1)
	return c.DocumentRenderer.EInvoiceXML(inv)
}

// TestRenderJobAndMailDrawEachPDFOnce runs the render job and the mail worker side by side on
// a backlog, as the service does: a confirmation that reaches an invoice before the render job
// joins the job's render (or finds its file stored), so each invoice PDF is drawn once.
func TestRenderJobAndMailDrawEachPDFOnce(t *testing.T) {
	const bookings = 12
	e := newEnv(t)
	renderer := e.backgroundBacklog(bookings)
	if err := e.runBackground(renderer); err != nil {
		t.Fatal(err)
	}
	if got := len(e.smtp.messages()); got != 2*bookings {
		t.Fatalf("%d messages at the server, want %d", got, 2*bookings)
	}
	if pdfs, xmls := renderer.pdfs.Load(), renderer.xmls.Load(); pdfs != bookings || xmls != bookings {
		t.Errorf("%d PDFs and %d XML files drawn for %d invoices, want one of each per invoice", pdfs, xmls, bookings)
	}
	if due := e.outbox(); len(due) == 0 {
		t.Fatal("no outbox items")
	} else {
		for _, it := range due {
			if it.Status != model.OutboxDone {
				t.Errorf("%s is %s after both jobs ran", it.Key, it.Status)
			}
		}
	}
}

// BenchmarkBackgroundPerBooking is the background work a burst of one-attendee invoice
// bookings leaves behind on SQLite, as the service runs it: the document render job and the
// mail worker (4 SMTP connections) side by side, until both are drained. Per op: one booking
// (its invoice PDF and XML rendered and stored, two messages rendered and sent). The bookings
// themselves are made before the timer starts.
func BenchmarkBackgroundPerBooking(b *testing.B) {
	e := newEnv(b)
	renderer := e.backgroundBacklog(b.N)
	b.ResetTimer()
	cpu0 := processCPU(b)
	if err := e.runBackground(renderer); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU(b)-cpu0).Microseconds())/1e3/float64(b.N), "cpu-ms/booking")
	if got := len(e.smtp.messages()); got != 2*b.N {
		b.Fatalf("%d messages at the server, want %d", got, 2*b.N)
	}
	b.ReportMetric(float64(renderer.pdfs.Load())/float64(b.N), "pdfs/booking")
}

// backgroundBacklog makes n one-attendee invoice bookings on one date and returns the
// counting renderer the background jobs will draw their documents with.
func (e *env) backgroundBacklog(n int) *countingRenderer {
	e.t.Helper()
	date := e.seedDate(model.FormatOnline, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
	e.exec("UPDATE seminar_dates SET capacity = ? WHERE id = ?", n, date.ID)
	for i := range n {
		e.reserve(date.ID, "de", [2]string{"Anna", fmt.Sprintf("anna%d@muster.example", i)})
	}
	catalog, err := i18n.New()
	if err != nil {
		e.t.Fatal(err)
	}
	return &countingRenderer{DocumentRenderer: invoice.NewRenderer(catalog, e.berlin)}
}

// runBackground runs the document render job and the mail worker (4 SMTP connections) on one
// invoice.Documents drawing with renderer, as the service wires them, side by side until both
// have nothing left.
func (e *env) runBackground(renderer *countingRenderer) error {
	docs := invoice.NewDocuments(e.st, renderer, e.clock)
	jobs := worker.New(e.st, worker.Settings{Now: e.clock, Log: quietLog()})
	sender, err := mail.NewSMTPSender(e.smtp.url(), 4)
	if err != nil {
		return err
	}
	w := e.newWorkerWith(sender, docs)
	at := e.now.Add(time.Minute)
	var g errgroup.Group
	g.Go(func() error {
		for {
			n, err := docs.RenderDue(e.ctx, jobs, at)
			if err != nil || n == 0 {
				return err
			}
		}
	})
	g.Go(func() error { return w.RunOnce(e.ctx, at) })
	return g.Wait()
}

// processCPU is the user and system CPU the test process has used so far: the benchmark's
// figure, since wall time on a shared machine says little.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
