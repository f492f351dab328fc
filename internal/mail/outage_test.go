package mail_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	gomail "github.com/wneessen/go-mail"

	"seminars/internal/mail"
	"seminars/internal/model"
)

// TestOutage: the SMTP server is gone or busy; bookings go on, nothing is lost, the worker
// backs off, and once the server is back every message arrives exactly once.
func TestOutage(t *testing.T) {
	cases := []struct {
		name    string
		down    func(*testSMTP)
		up      func(*testSMTP)
		errPart string
	}{
		{"server stopped", (*testSMTP).stop, (*testSMTP).restart, "connect"},
		{"server answers 451", func(s *testSMTP) { s.setReject(true) }, func(s *testSMTP) { s.setReject(false) }, "451"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
				tc.down(e.smtp)
				e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
				t0 := e.now.Add(time.Minute)
				e.run(t0)
				pending := sendItems(e)
				if len(pending) != 2 {
					t.Fatalf("want 2 mail.send items, got %d", len(pending))
				}
				for _, it := range pending {
					if it.Status != model.OutboxPending || it.Attempts != 1 || !strings.Contains(strings.ToLower(it.LastError), tc.errPart) {
						t.Errorf("after a failed attempt: status %s attempts %d error %q", it.Status, it.Attempts, it.LastError)
					}
					if want := t0.Add(model.OutboxBackoff(1)); !it.NextAttemptAt.Equal(want) {
						t.Errorf("next attempt at %s, want %s (backoff)", it.NextAttemptAt, want)
					}
				}

				// Bookings go on while mail is down.
				e.reserve(date.ID, "en", [2]string{"Ben", "ben@muster.example"})
				e.run(t0.Add(10 * time.Second)) // the new booking's mail fails; the old items are not due
				for _, it := range sendItems(e) {
					if strings.Contains(it.Key, "SEM") && it.Attempts > 1 {
						t.Errorf("item %s tried before its backoff ran out", it.Key)
					}
				}
				if len(e.smtp.messages()) != 0 {
					t.Fatal("mail arrived while the server was down")
				}

				tc.up(e.smtp)
				e.run(t0.Add(model.OutboxBackoff(1) + model.OutboxBackoff(1) + time.Second))
				e.run(t0.Add(2 * time.Hour))
				assertEachOnce(t, e, 4)
				for _, it := range sendItems(e) {
					if it.Status != model.OutboxDone {
						t.Errorf("item %s is %s after the server came back", it.Key, it.Status)
					}
				}
			})
		})
	}
}

// TestRestartAfterAcceptedBeforeDone kills the worker in the one window where a duplicate is
// possible — after the server accepted the message, before the outbox recorded it — and shows
// what happens: the restarted worker sends that message once more, with the same Message-ID
// and the same content; every other message arrives exactly once.
func TestRestartAfterAcceptedBeforeDone(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		date := e.seedDate(model.FormatInPerson, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
		e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})

		real, err := mail.NewSMTPSender(e.smtp.url(), 1)
		if err != nil {
			t.Fatal(err)
		}
		ctx, kill := context.WithCancel(e.ctx)
		dying := &killAfterSend{Sender: real, kill: kill}
		t0 := e.now.Add(time.Minute)
		if err := e.newWorker(dying).RunOnce(ctx, t0); err == nil {
			t.Fatal("the killed worker could still record its work")
		}
		if got := len(e.smtp.messages()); got != 1 {
			t.Fatalf("server has %d messages after the kill, want 1", got)
		}

		restarted := e.newWorker(real)
		e.run(t0) // the restarted worker at once: sends the rest, not the one in flight (leased)
		if err := restarted.RunOnce(e.ctx, t0.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := len(e.smtp.messages()); got != 3 {
			t.Fatalf("server has %d messages before the lease ran out, want 3", got)
		}
		if err := restarted.RunOnce(e.ctx, t0.Add(10*time.Minute)); err != nil {
			t.Fatal(err)
		}
		msgs := e.smtp.messages()
		if len(msgs) != 4 {
			t.Fatalf("server has %d messages, want 4 (3 + the one re-sent)", len(msgs))
		}
		first, again := parseMail(t, msgs[0]), parseMail(t, msgs[3])
		if first.Header.Get("Message-Id") != again.Header.Get("Message-Id") {
			t.Errorf("re-sent message has Message-ID %s, first had %s", again.Header.Get("Message-Id"), first.Header.Get("Message-Id"))
		}
		if first.Subject != again.Subject || first.Text != again.Text || first.HTML != again.HTML || first.Header.Get("Date") != again.Header.Get("Date") {
			t.Error("re-sent message differs from the first")
		}
		if ids := distinctIDs(t, msgs); len(ids) != 3 {
			t.Errorf("want 3 distinct Message-IDs, got %d", len(ids))
		}
		e.run(t0.Add(3 * time.Hour))
		if len(e.smtp.messages()) != 4 {
			t.Error("a later round sent again what was recorded as done")
		}
	})
}

// killAfterSend delivers one message and then dies: the context is cancelled, so the worker
// can no longer write to the database, like a process killed right after the SMTP answer.
type killAfterSend struct {
	mail.Sender
	kill context.CancelFunc
}

func (k *killAfterSend) Send(ctx context.Context, msg *gomail.Msg) error {
	err := k.Sender.Send(ctx, msg)
	k.kill()
	if err == nil {
		err = errors.New("killed after the server accepted the message")
	}
	return err
}

func sendItems(e *env) []model.OutboxItem {
	var out []model.OutboxItem
	for _, it := range e.outbox() {
		if it.Topic == model.TopicMailSend {
			out = append(out, it)
		}
	}
	return out
}

func distinctIDs(t *testing.T, msgs []received) map[string]int {
	t.Helper()
	ids := map[string]int{}
	for _, r := range msgs {
		ids[parseMail(t, r).Header.Get("Message-Id")]++
	}
	return ids
}

// assertEachOnce checks that the server got n messages, none twice.
func assertEachOnce(t *testing.T, e *env, n int) {
	t.Helper()
	ids := distinctIDs(t, e.smtp.messages())
	if len(ids) != n {
		t.Errorf("got %d distinct messages, want %d", len(ids), n)
	}
	for id, count := range ids {
		if count != 1 {
			t.Errorf("message %s arrived %d times", id, count)
		}
	}
}
