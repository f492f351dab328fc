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
}

// NewSender returns an SMTP sender for smtpURL, or, when smtpURL is empty, a sender that writes
// .eml files into dir.
func NewSender(smtpURL, dir string) (Sender, error) {
	if smtpURL == "" {
		return FileSender{Dir: dir}, nil
	}
	return NewSMTPSender(smtpURL)
}

// SMTPSender delivers over SMTP: smtp:// upgrades to TLS with STARTTLS when the server offers it,
// smtps:// speaks TLS from the start; user and password in the URL turn on authentication.
type SMTPSender struct {
	host string
	opts []gomail.Option
}

// NewSMTPSender parses smtp://user:pass@host:port or smtps://user:pass@host:port.
func NewSMTPSender(raw string) (*SMTPSender, error) {
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
	return &SMTPSender{host: u.Hostname(), opts: opts}, nil
}

// Send dials, delivers and hangs up. One connection per message keeps each outbox item's
// outcome separate; the volume of a seminar business never makes that a cost.
func (s *SMTPSender) Send(ctx context.Context, msg *gomail.Msg) error {
	client, err := gomail.NewClient(s.host, s.opts...)
	if err != nil {
		return err
	}
	return classifySendError(client.DialAndSendWithContext(ctx, msg))
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

func (s *SMTPSender) String() string { return "SMTP server " + s.host }

// FileSender writes each message as <dir>/<message-id>.eml: the way to see mail without a
// mail server. Writing the same message again overwrites the same file.
type FileSender struct {
	Dir string
}

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
