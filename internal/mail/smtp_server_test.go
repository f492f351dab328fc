package mail_test

import (
	"errors"
	"io"
	"net"
	"sync"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// received is one message as the test SMTP server got it.
type received struct {
	From string
	To   []string
	Raw  []byte
}

// testSMTP is a real SMTP server on a local port. It can refuse mail with 451 (busy), be
// stopped and be started again on the same address, like a mail server that goes away.
type testSMTP struct {
	t        testing.TB
	addr     string
	user     string
	password string

	mu       sync.Mutex
	msgs     []received
	reject   bool
	srv      *smtp.Server
	sessions int // connections the server took
}

func startSMTP(t testing.TB) *testSMTP {
	t.Helper()
	s := &testSMTP{t: t}
	s.listen("127.0.0.1:0")
	t.Cleanup(s.stop)
	return s
}

func (s *testSMTP) listen(addr string) {
	s.t.Helper()
	l, err := net.Listen("tcp", addr)
	if err != nil {
		s.t.Fatalf("smtp listen: %v", err)
	}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		s.mu.Lock()
		s.sessions++
		s.mu.Unlock()
		return &testSession{s: s}, nil
	}))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ErrorLog = discardLogger{}
	s.mu.Lock()
	s.addr, s.srv = l.Addr().String(), srv
	s.mu.Unlock()
	go func() { _ = srv.Serve(l) }()
}

// url is the SEMINARS_SMTP_URL for this server.
func (s *testSMTP) url() string {
	if s.user != "" {
		return "smtp://" + s.user + ":" + s.password + "@" + s.addr
	}
	return "smtp://" + s.addr
}

func (s *testSMTP) stop() {
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv != nil {
		_ = srv.Close()
	}
}

// restart starts the server again on the address it had.
func (s *testSMTP) restart() { s.listen(s.addr) }

func (s *testSMTP) setReject(on bool) {
	s.mu.Lock()
	s.reject = on
	s.mu.Unlock()
}

// connections is how many SMTP connections the server has taken so far.
func (s *testSMTP) connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

func (s *testSMTP) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.msgs...)
}

type testSession struct {
	s      *testSMTP
	from   string
	to     []string
	authed bool
}

var errBusy = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}

func (ss *testSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *testSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != ss.s.user || pass != ss.s.password {
			return errors.New("bad credentials")
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *testSession) Mail(from string, _ *smtp.MailOptions) error {
	ss.s.mu.Lock()
	defer ss.s.mu.Unlock()
	if ss.s.reject {
		return errBusy
	}
	if ss.s.user != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *testSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *testSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.s.mu.Lock()
	ss.s.msgs = append(ss.s.msgs, received{From: ss.from, To: ss.to, Raw: raw})
	ss.s.mu.Unlock()
	return nil
}

func (ss *testSession) Reset()        { ss.from, ss.to = "", nil }
func (ss *testSession) Logout() error { return nil }

type discardLogger struct{}

func (discardLogger) Printf(string, ...any) {}
func (discardLogger) Println(...any)        {}
