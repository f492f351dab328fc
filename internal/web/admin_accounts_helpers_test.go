package web

import (
	"context"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"net"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"seminars/internal/app"
	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// accountsEnv is adminEnv on a fixed clock, with mail delivered over SMTP to a server inside the
// test, for the flows that send a link by mail.
type accountsEnv struct {
	*adminEnv
	app  *app.App
	clk  *storetest.Clock
	mail *testMailbox
}

func newAccountsEnv(t *testing.T, st *store.Store, clk *storetest.Clock, env ...string) *accountsEnv {
	t.Helper()
	mb := startTestMailbox(t)
	cfg := apptest.Config(t, append([]string{"SEMINARS_SMTP_URL=" + mb.url()}, env...)...)
	a := apptest.NewWith(t, st, cfg, clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv, err := New(a)
	if err != nil {
		t.Fatal(err)
	}
	base := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	t.Cleanup(base.http.Close)
	base.owner = base.addUser("owner@example.com", model.RoleOwner)
	base.addUser("assistant@example.com", model.RoleAssistant)
	return &accountsEnv{adminEnv: base, app: a, clk: clk, mail: mb}
}

// deliver runs the mail worker once, as the background job would.
func (e *accountsEnv) deliver() {
	e.t.Helper()
	if err := e.app.Mail.RunOnce(context.Background(), e.clk.Now()); err != nil {
		e.t.Fatal(err)
	}
}

var resetLink = regexp.MustCompile(`/admin/reset\?t=([A-Za-z0-9_-]{43})`)

// resetTokens are the secrets of the reset links mailed to rcpt, oldest first.
func (e *accountsEnv) resetTokens(rcpt string) []string {
	e.t.Helper()
	e.deliver()
	var out []string
	for _, raw := range e.mail.to(rcpt) {
		text, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(raw)))
		if m := resetLink.FindStringSubmatch(string(text)); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

var setupKey = regexp.MustCompile(`<code class="token">([A-Z2-7 ]+)</code>`)

// totpCode is the code an authenticator app shows for the key on a setup page, at the clock's
// time plus offset steps.
func (e *accountsEnv) totpCode(key string, offset int) string {
	e.t.Helper()
	at := e.clk.Now().Add(time.Duration(offset) * 30 * time.Second)
	code, err := totp.GenerateCodeCustom(strings.ReplaceAll(key, " ", ""), at,
		totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		e.t.Fatal(err)
	}
	return code
}

// testMailbox is a real SMTP server on a local port that keeps every message it is given.
type testMailbox struct {
	addr string
	mu   sync.Mutex
	msgs []testMail
}

type testMail struct {
	to  []string
	raw string
}

func startTestMailbox(t *testing.T) *testMailbox {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	mb := &testMailbox{addr: l.Addr().String()}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &testMailSession{mb: mb}, nil }))
	srv.Domain = "localhost"
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return mb
}

func (mb *testMailbox) url() string { return "smtp://" + mb.addr }

// to returns the raw messages addressed to rcpt.
func (mb *testMailbox) to(rcpt string) []string {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	var out []string
	for _, m := range mb.msgs {
		for _, r := range m.to {
			if strings.EqualFold(r, rcpt) {
				out = append(out, m.raw)
			}
		}
	}
	return out
}

type testMailSession struct {
	mb *testMailbox
	to []string
}

func (s *testMailSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *testMailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}
func (s *testMailSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.msgs = append(s.mb.msgs, testMail{to: s.to, raw: string(raw)})
	s.mb.mu.Unlock()
	return nil
}
func (s *testMailSession) Reset()        { s.to = nil }
func (s *testMailSession) Logout() error { return nil }
