package mail

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"seminars/internal/worker"
)

// Sender delivers one composed message.
type Sender interface {
	Send(ctx context.Context, msg *gomail.Msg) error
	// String says where mail goes, for the start-up log (never with the password).
	String() string
	// Connections is how many messages it sends at once (at least 1). The worker sends and
	// renders as many at once, so smtp_connections is read in one place, the sender.
	Connections() int
}

// NewSender returns an SMTP sender for smtpURL with up to connections connections open at
// once, or, when smtpURL is empty, a sender that writes .eml files into dir, connections at once.
func NewSender(smtpURL, dir string, connections int) (Sender, error) {
	if smtpURL == "" {
		return FileSender{Dir: dir, Parallel: connections}, nil
	}
	return NewSMTPSender(smtpURL, connections)
}

// SMTPSender delivers over SMTP: smtp:// upgrades to TLS with STARTTLS when the server offers it,
// smtps:// speaks TLS from the start; user and password in the URL turn on authentication.
// It keeps up to its number of connections open and sends many messages over each, one at a
// time per connection, so a backlog costs one dial (and TLS handshake and login) per
// connection rather than per message. Close hangs them up when the outbox is empty.
type SMTPSender struct {
	host string
	opts []gomail.Option
	// conns holds one entry per connection the sender may have open: a connected client, or
	// nil for a connection not dialled (or hung up). Taking an entry is the right to use it.
	conns chan *gomail.Client
}

// NewSMTPSender parses smtp://user:pass@host:port or smtps://user:pass@host:port; connections
// (at least 1) is how many messages it sends at once.
func NewSMTPSender(raw string, connections int) (*SMTPSender, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("mail: smtp url: %w", err)
	}
	opts := []gomail.Option{gomail.WithTimeout(30 * time.Second)}
	port := 25
	switch u.Scheme {
	case "smtp":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case "smtps":
		port = 465
		opts = append(opts, gomail.WithSSL())
	default:
		return nil, fmt.Errorf("mail: smtp url scheme %q: want smtp or smtps", u.Scheme)
	}
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("mail: smtp port %q: %w", p, err)
		}
	}
	opts = append(opts, gomail.WithPort(port))
	if user := u.User.Username(); user != "" {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(user), gomail.WithPassword(pass))
	}
	s := &SMTPSender{host: u.Hostname(), opts: opts, conns: make(chan *gomail.Client, max(connections, 1))}
	for range cap(s.conns) {
		s.conns <- nil
	}
	return s, nil
}

// Send delivers msg over a free connection, dialling one when it has none open; it waits while
// every connection is busy. Each message keeps its own outcome: an error means this message
// was not accepted (or, for a failure at the end of DATA, may not have been).
func (s *SMTPSender) Send(ctx context.Context, msg *gomail.Msg) error {
	var client *gomail.Client
	select {
	case client = <-s.conns:
	case <-ctx.Done():
		return ctx.Err()
	}
	client, err := s.sendOn(ctx, client, msg)
	s.conns <- client
	return classifySendError(err)
}

// sendOn sends msg over client (nil: dial first) and returns the connection to keep, nil when
// it was hung up. A kept connection the server has closed meanwhile fails its liveness check
// (NOOP) before anything of the message is sent; then one new connection is dialled for it.
func (s *SMTPSender) sendOn(ctx context.Context, client *gomail.Client, msg *gomail.Msg) (*gomail.Client, error) {
	if client != nil {
		err := client.Send(msg)
		var se *gomail.SendError
		if err == nil || !errors.As(err, &se) || se.Reason != gomail.ErrConnCheck {
			return s.keep(client, msg, err)
		}
		_ = client.Close()
	}
	client, err := gomail.NewClient(s.host, s.opts...)
	if err != nil {
		return nil, err
	}
	if err := client.DialWithContext(ctx); err != nil {
		return nil, err
	}
	return s.keep(client, msg, client.Send(msg))
}

// keep decides about a connection after a send: kept when all went well; hung up after any
// error, so the next message starts on a clean session. A message the server accepted is
// delivered even if what followed (the RSET) failed.
func (s *SMTPSender) keep(client *gomail.Client, msg *gomail.Msg, err error) (*gomail.Client, error) {
	if err == nil {
		return client, nil
	}
	_ = client.Close()
	if msg.IsDelivered() {
		return nil, nil
	}
	return nil, err
}

// Close hangs up the open connections; the sender stays usable and dials again when needed.
// The mail worker calls it when a round finds nothing more to send, so no connection stays
// idle at the server between bursts.
func (s *SMTPSender) Close() error {
	var errs []error
	for range cap(s.conns) {
		client := <-s.conns
		if client != nil {
			errs = append(errs, client.Close())
		}
		s.conns <- nil
	}
	return errors.Join(errs...)
}

// classifySendError marks a recipient the server refused for good (5xx to RCPT TO) as a
// permanent failure; everything else — no connection, 4xx, a server refusing us — is an outage
// of the server and is retried.
func classifySendError(err error) error {
	var se *gomail.SendError
	if errors.As(err, &se) && se.Reason == gomail.ErrSMTPRcptTo && se.ErrorCode() >= 500 && !se.IsTemp() {
		return worker.Permanent(err)
	}
	return err
}

// Connections is how many connections the sender keeps at most, each carrying one message at a time.
func (s *SMTPSender) Connections() int { return cap(s.conns) }

func (s *SMTPSender) String() string {
	return fmt.Sprintf("SMTP server %s (up to %d connections)", s.host, cap(s.conns))
}

// FileSender writes each message as <dir>/<message-id>.eml: the way to see mail without a
// mail server. Writing the same message again overwrites the same file.
type FileSender struct {
	Dir string
	// Parallel is how many messages are written at once (smtp_connections, so the worker's
	// pace does not change with where mail goes); 0 counts as 1.
	Parallel int
}

// Connections is Parallel, at least 1.
func (f FileSender) Connections() int { return max(f.Parallel, 1) }

// Send writes the message file.
func (f FileSender) Send(_ context.Context, msg *gomail.Msg) error {
	if err := os.MkdirAll(f.Dir, 0o750); err != nil {
		return err
	}
	id := strings.Trim(msg.GetMessageID(), "<>")
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' {
			return '_'
		}
		return r
	}, id)
	return msg.WriteToFile(filepath.Join(f.Dir, name+".eml"))
}

func (f FileSender) String() string { return ".eml files in " + f.Dir }
