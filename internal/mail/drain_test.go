package mail_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"

	"seminars/internal/mail"
	"seminars/internal/model"
)

// drainBookings is how many one-attendee bookings the drain tests make: their 2 messages each
// are more than one batch (50), so one round must go on past a full batch.
const drainBookings = 40

// bookBacklog makes drainBookings one-attendee bookings on two dates of 20 seats.
func (e *env) bookBacklog() {
	e.t.Helper()
	for d := range 2 {
		date := e.seedDate(model.FormatOnline, e.now.Add(time.Duration(30+d)*24*time.Hour).Truncate(time.Hour))
		for i := range drainBookings / 2 {
			e.reserve(date.ID, "de", [2]string{"Anna", fmt.Sprintf("anna%d-%d@muster.example", d, i)})
		}
	}
}

// TestBacklogLeavesInOneRound: a backlog larger than one batch is delivered by one RunOnce,
// without waiting for the next poll; with several connections (and with two instances on one
// database) every message arrives exactly once, and each connection carries many messages.
func TestBacklogLeavesInOneRound(t *testing.T) {
	cases := []struct {
		name        string
		connections int
		instances   int
	}{
		{"one connection", 1, 1},
		{"four connections", 4, 1},
		{"two instances of four connections", 4, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.bookBacklog()
				at := e.now.Add(time.Minute)
				var g errgroup.Group
				for range tc.instances {
					sender, err := mail.NewSMTPSender(e.smtp.url(), tc.connections)
					if err != nil {
						t.Fatal(err)
					}
					w := e.newWorker(sender)
					g.Go(func() error { return w.RunOnce(e.ctx, at) })
				}
				if err := g.Wait(); err != nil {
					t.Fatal(err)
				}
				assertEachOnce(t, e, 2*drainBookings)
				for _, it := range e.outbox() {
					if strings.HasPrefix(string(it.Topic), "mail.") && it.Status != model.OutboxDone {
						t.Errorf("%s is %s after the round", it.Key, it.Status)
					}
				}
				if got, most := e.smtp.connections(), tc.connections*tc.instances; got > most {
					t.Errorf("%d SMTP connections for %d messages, want at most %d (one per connection, reused)", got, 2*drainBookings, most)
				}
			})
		})
	}
}

// TestOutageWithParallelConnections: the SMTP server is away while a backlog larger than a
// batch waits and four connections try it; the round ends (it does not spin on the failures),
// every message is kept for a retry after its backoff — small, naming its invoice rather than
// holding it — and once the server is back every message arrives exactly once.
func TestOutageWithParallelConnections(t *testing.T) {
	cases := []struct {
		name string
		down func(*testSMTP)
		up   func(*testSMTP)
	}{
		{"server stopped", (*testSMTP).stop, (*testSMTP).restart},
		{"server answers 451", func(s *testSMTP) { s.setReject(true) }, func(s *testSMTP) { s.setReject(false) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				e.bookBacklog()
				sender, err := mail.NewSMTPSender(e.smtp.url(), 4)
				if err != nil {
					t.Fatal(err)
				}
				w := e.newWorker(sender)
				tc.down(e.smtp)
				t0 := e.now.Add(time.Minute)
				if err := w.RunOnce(e.ctx, t0); err != nil {
					t.Fatal(err)
				}
				pending := sendItems(e)
				if len(pending) != 2*drainBookings {
					t.Fatalf("%d mail.send items, want %d", len(pending), 2*drainBookings)
				}
				for _, it := range pending {
					// What waits holds no rendered attachment: the invoices are loaded at send time.
					if strings.Contains(it.Payload, `"attachments"`) || strings.Contains(it.Payload, "JVBER") || len(it.Payload) > 32<<10 {
						t.Errorf("%s waits with rendered attachments (%d bytes of payload)", it.Key, len(it.Payload))
					}
					if it.Status != model.OutboxPending || it.Attempts != 1 || !it.NextAttemptAt.Equal(t0.Add(model.OutboxBackoff(1))) {
						t.Errorf("%s after the outage: %s, %d attempts, next at %s", it.Key, it.Status, it.Attempts, it.NextAttemptAt)
					}
				}
				tc.up(e.smtp)
				if err := w.RunOnce(e.ctx, t0.Add(model.OutboxBackoff(1))); err != nil {
					t.Fatal(err)
				}
				assertEachOnce(t, e, 2*drainBookings)
			})
		})
	}
}

// BenchmarkDrain is one round draining the mail of a burst of one-attendee bookings on SQLite
// to the test SMTP server with four connections: rendering each event's messages, attaching
// the stored invoice, the SMTP dialogue and recording each delivery. Per op: one message.
func BenchmarkDrain(b *testing.B) {
	e := newEnv(b)
	date := e.seedDate(model.FormatOnline, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
	bookings := max(b.N/2, 1)
	e.exec("UPDATE seminar_dates SET capacity = ? WHERE id = ?", bookings, date.ID)
	for i := range bookings {
		e.reserve(date.ID, "de", [2]string{"Anna", fmt.Sprintf("anna%d@muster.example", i)})
	}
	sender, err := mail.NewSMTPSender(e.smtp.url(), 4)
	if err != nil {
		b.Fatal(err)
	}
	w := e.newWorker(sender)
	b.ResetTimer()
	if err := w.RunOnce(e.ctx, e.now.Add(time.Minute)); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	if got := len(e.smtp.messages()); got != 2*bookings {
		b.Fatalf("%d messages at the server, want %d", got, 2*bookings)
	}
}
