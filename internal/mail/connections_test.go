package mail_test

import (
	"context"
	"sync"
	"testing"
	"time"

	gomail "github.com/wneessen/go-mail"

	"seminars/internal/mail"
)

// TestSenderConnections: smtp_connections, handed to NewSender once, is what the sender says
// it sends at once, wherever mail goes.
func TestSenderConnections(t *testing.T) {
	cases := []struct {
		name        string
		url         string
		connections int
		want        int
	}{
		{"SMTP, four", "smtp://mail.example:1025", 4, 4},
		{"SMTP, one", "smtps://mail.example", 1, 1},
		{"SMTP, none given", "smtp://mail.example", 0, 1},
		{".eml files, three", "", 3, 3},
		{".eml files, none given", "", 0, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := mail.NewSender(tc.url, t.TempDir(), tc.connections)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Connections(); got != tc.want {
				t.Errorf("Connections() = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestWorkerSendsAsManyAtOnceAsItsSender: the worker keeps exactly as many messages in flight
// as its sender has connections — no setting of its own that could disagree. The sender holds
// every message until that many are in flight at once, so a worker sending fewer at a time
// would never get one through.
func TestWorkerSendsAsManyAtOnceAsItsSender(t *testing.T) {
	for _, n := range []int{1, 3, 4} {
		t.Run(map[int]string{1: "one connection", 3: "three connections", 4: "four connections"}[n], func(t *testing.T) {
			e := newEnv(t)
			e.bookBacklog()
			gate := &gateSender{n: n, open: make(chan struct{})}
			// Only a guard against hanging for ever if the worker sent fewer at once.
			ctx, cancel := context.WithTimeout(e.ctx, 2*time.Minute)
			defer cancel()
			if err := e.newWorker(gate).RunOnce(ctx, e.now.Add(time.Minute)); err != nil {
				t.Fatal(err)
			}
			if gate.peak != n || gate.sent != 2*drainBookings {
				t.Errorf("%d messages sent, at most %d at once; want %d, %d at once", gate.sent, gate.peak, 2*drainBookings, n)
			}
		})
	}
}

// gateSender is a sender of n connections that holds each message until n are in flight at
// once, and counts what it sent and the most it had in flight.
type gateSender struct {
	n    int
	open chan struct{} // closed once n messages were in flight at once

	mu             sync.Mutex
	inFlight, peak int
	sent           int
}

func (g *gateSender) Send(ctx context.Context, _ *gomail.Msg) error {
	g.mu.Lock()
	g.inFlight++
	g.peak = max(g.peak, g.inFlight)
	if g.inFlight == g.n {
		select {
		case <-g.open:
		default:
			close(g.open)
		}
	}
	g.mu.Unlock()
	defer func() { g.mu.Lock(); g.inFlight--; g.mu.Unlock() }()
	select {
	case <-g.open:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.mu.Lock()
	g.sent++
	g.mu.Unlock()
	return nil
}

func (g *gateSender) String() string   { return "a gate" }
func (g *gateSender) Connections() int { return g.n }
