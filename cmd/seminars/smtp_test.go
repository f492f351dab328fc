package main

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// mailbox is a real SMTP server on a local port that keeps every message it is given.
type mailbox struct {
	addr string
	mu   sync.Mutex
	msgs []delivered
}

// delivered is one message as the SMTP server received it.
type delivered struct {
	To  []string
	Raw string
}

func startMailbox(t *testing.T) *mailbox {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mb := &mailbox{addr: l.Addr().String()}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &mailSession{mb: mb}, nil }))
	srv.Domain = "localhost"
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return mb
}

// url is the SEMINARS_SMTP_URL of the mailbox.
func (mb *mailbox) url() string { return "smtp://" + mb.addr }

// to returns the messages addressed to rcpt.
func (mb *mailbox) to(rcpt string) []delivered {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	var out []delivered
	for _, m := range mb.msgs {
		for _, r := range m.To {
			if strings.EqualFold(r, rcpt) {
				out = append(out, m)
			}
		}
	}
	return out
}

type mailSession struct {
	mb *mailbox
	to []string
}

func (s *mailSession) Mail(string, *smtp.MailOptions) error { return nil }

func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}

func (s *mailSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.msgs = append(s.mb.msgs, delivered{To: s.to, Raw: string(raw)})
	s.mb.mu.Unlock()
	return nil
}

func (s *mailSession) Reset()        { s.to = nil }
func (s *mailSession) Logout() error { return nil }
