package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/emersion/go-smtp"
	vegeta "github.com/tsenart/vegeta/v12/lib"
	gomail "github.com/wneessen/go-mail"
)

// Figure names of the mail drain and its baseline.
const (
	figSMTPRaw   = "smtp_raw"
	figMailDrain = "mail_drain"
)

// mailFigures are the figures mailDrain adds, in the order it measures them.
var mailFigures = []string{figSMTPRaw, figMailDrain}

// MailOptions configure the mail drain: its own Seminars pointed at a local SMTP server.
type MailOptions struct {
	// Bookings is the burst's size (one attendee each); 0 skips the mail figures.
	Bookings int
	// Start starts a fresh Seminars whose mail goes to smtpURL (SEMINARS_SMTP_URL), in-process or
	// as a child; nil skips the mail figures (a server named with -url is not ours to
	// point at our SMTP server).
	Start func(ctx context.Context, smtpURL string) (srv *server, dbFile string, err error)
	// Connections is the number of SMTP connections of the raw baseline: the service's
	// smtp_connections, so both sides may use the same parallelism.
	Connections int
	// Timeout bounds the wait for the outbox to empty.
	Timeout time.Duration
}

// mailDrain measures how fast the outbox of a burst of bookings reaches an SMTP server that
// accepts and discards: opts.Mail.Bookings confirmed invoice bookings as fast as opts.Clients
// clients can make them, then the wait until no mail item is pending. Its baseline is the
// SMTP server's raw accept rate in the same run: a plain go-mail loop sending as many messages
// of the same average size over the same number of connections.
func mailDrain(ctx context.Context, opts Options) (raw, drain Figure, err error) {
	smtpSrv, err := startDiscardSMTP()
	if err != nil {
		return raw, drain, err
	}
	defer smtpSrv.close()
	srv, dbFile, err := opts.Mail.Start(ctx, "smtp://"+smtpSrv.addr)
	if err != nil {
		return raw, drain, err
	}
	defer srv.Stop()
	seminarID, _, err := firstSeminar(ctx, srv.BaseURL)
	if err != nil {
		return raw, drain, err
	}
	dateID, err := createLoadDate(ctx, srv.BaseURL, srv.Token, seminarID, opts.Now())
	if err != nil {
		return raw, drain, err
	}
	db, err := sql.Open("sqlite3", "file:"+dbFile+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return raw, drain, err
	}
	defer db.Close()
	if err := waitMailDrained(ctx, db, opts.Mail.Timeout); err != nil { // the demo's own mail
		return raw, drain, err
	}
	smtpSrv.reset()
	sizeBefore := dbSize(dbFile)

	done := observe(ctx, figMailDrain) // the burst and the drain; the burst's attack is not observed apart
	began := time.Now()
	run := strconv.FormatInt(opts.Now().UnixNano(), 36)
	burst := attack(withObserver(ctx, nil), figMailDrain, countedTargeter(bookingTargeter(srv.BaseURL, dateID, run), opts.Mail.Bookings),
		opts.Clients, 0, confirmedBooking)
	burstEnd := time.Now()
	peak, peakPayload, err := watchDrain(ctx, db, dbFile, opts.Mail.Timeout)
	if err != nil {
		return raw, drain, err
	}
	emptied := time.Now()
	sizeAfter := dbSize(dbFile)
	messages, bytes := smtpSrv.counts()
	total := emptied.Sub(began).Seconds()
	drain = Figure{Name: figMailDrain, Requests: messages, PerSecond: float64(messages) / total,
		Errors: burst.Errors, ErrorSample: burst.ErrorSample, P50Ms: burst.P50Ms, P99Ms: burst.P99Ms,
		What: fmt.Sprintf("mail accepted by a local SMTP server per s, from the first of %d one-attendee invoice bookings "+
			"(%.1f bookings/s; p50/p99 are the bookings') until no mail item was pending; drained %.1f s after the burst's end",
			burst.Requests, burst.PerSecond, emptied.Sub(burstEnd).Seconds()),
		Extra: map[string]float64{
			"bookings": float64(burst.Requests), "bookings_per_s": burst.PerSecond, "messages": float64(messages),
			"burst_s": burstEnd.Sub(began).Seconds(), "drain_after_burst_s": emptied.Sub(burstEnd).Seconds(),
			"db_mib_before": mibOf(sizeBefore), "db_mib_peak": mibOf(peak), "db_mib_after": mibOf(sizeAfter),
			"pending_payload_mib_peak": mibOf(peakPayload),
		}}
	done(&drain)
	if messages == 0 {
		return raw, drain, errors.New("mail drain: the SMTP server got no message")
	}
	raw, err = rawSMTP(ctx, smtpSrv, int(messages), int(bytes/messages), max(opts.Mail.Connections, 1))
	return raw, drain, err
}

// countedTargeter ends the attack after n targets.
func countedTargeter(tr vegeta.Targeter, n int) vegeta.Targeter {
	var made atomic.Int64
	return func(t *vegeta.Target) error {
		if made.Add(1) > int64(n) {
			return vegeta.ErrNoTargets
		}
		return tr(t)
	}
}

// pendingMail counts the mail items (events and messages) not yet done and the bytes of their
// payloads.
func pendingMail(ctx context.Context, db *sql.DB) (n int, payload int64, err error) {
	err = db.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(LENGTH(payload)), 0) FROM outbox_items
		WHERE status = 'pending' AND topic LIKE 'mail.%'`).Scan(&n, &payload)
	return n, payload, err
}

// waitMailDrained waits until no mail item is pending.
func waitMailDrained(ctx context.Context, db *sql.DB, timeout time.Duration) error {
	_, _, err := watchDrain(ctx, db, "", timeout)
	return err
}

// watchDrain polls the outbox until no mail item is pending and returns the largest size the
// database file (with its WAL) and the pending mail payloads had meanwhile.
func watchDrain(ctx context.Context, db *sql.DB, dbFile string, timeout time.Duration) (peakFile, peakPayload int64, err error) {
	deadline := time.Now().Add(timeout)
	for {
		if dbFile != "" {
			peakFile = max(peakFile, dbSize(dbFile))
		}
		n, payload, err := pendingMail(ctx, db)
		if err != nil {
			return peakFile, peakPayload, err
		}
		peakPayload = max(peakPayload, payload)
		if n == 0 {
			return peakFile, peakPayload, nil
		}
		if time.Now().After(deadline) {
			return peakFile, peakPayload, fmt.Errorf("mail drain: %d mail items still pending after %s", n, timeout)
		}
		select {
		case <-ctx.Done():
			return peakFile, peakPayload, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func dbSize(path string) int64 {
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		if info, err := os.Stat(p); err == nil {
			total += info.Size()
		}
	}
	return total
}

func mibOf(bytes int64) float64 { return float64(bytes) / (1 << 20) }

// rawSMTP is the SMTP server's accept rate with nothing else in the way: n messages of size
// bytes, each connection one go-mail client kept open for all of its messages.
func rawSMTP(ctx context.Context, s *discardSMTP, n, size, connections int) (Figure, error) {
	host, portText, _ := net.SplitHostPort(s.addr)
	port, _ := strconv.Atoi(portText)
	body := strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipisici elit.\n", max(size/56, 1))
	s.reset()
	done := observe(ctx, figSMTPRaw)
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, connections)
	began := time.Now()
	for c := range connections {
		wg.Go(func() {
			client, err := gomail.NewClient(host, gomail.WithPort(port), gomail.WithTLSPolicy(gomail.NoTLS))
			if err == nil {
				err = client.DialWithContext(ctx)
			}
			for err == nil && next.Add(1) <= int64(n) {
				m := gomail.NewMsg()
				if err = errors.Join(m.From("seminare@example.com"), m.To("raw@example.com")); err == nil {
					m.Subject("raw")
					m.SetBodyString(gomail.TypeTextPlain, body)
					err = client.Send(m)
				}
			}
			errs[c] = errors.Join(err, client.Close())
		})
	}
	wg.Wait()
	elapsed := time.Since(began).Seconds()
	got, _ := s.counts()
	f := Figure{Name: figSMTPRaw, Requests: got, PerSecond: float64(got) / elapsed,
		What: fmt.Sprintf("a plain go-mail loop: %d messages of %d bytes over %d connections kept open, to the same SMTP server", n, size, connections)}
	done(&f)
	return f, errors.Join(errs...)
}

// discardSMTP is a local SMTP server that accepts every message, counts it and throws it away.
type discardSMTP struct {
	addr     string
	srv      *smtp.Server
	messages atomic.Uint64
	bytes    atomic.Uint64
}

func startDiscardSMTP() (*discardSMTP, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &discardSMTP{addr: l.Addr().String()}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return discardSession{s}, nil }))
	s.srv.Domain = "localhost"
	s.srv.MaxMessageBytes = 64 << 20
	s.srv.ErrorLog = quietSMTPLog{}
	go func() { _ = s.srv.Serve(l) }()
	return s, nil
}

func (s *discardSMTP) close()                   { _ = s.srv.Close() }
func (s *discardSMTP) reset()                   { s.messages.Store(0); s.bytes.Store(0) }
func (s *discardSMTP) counts() (uint64, uint64) { return s.messages.Load(), s.bytes.Load() }

type discardSession struct{ s *discardSMTP }

func (discardSession) Mail(string, *smtp.MailOptions) error { return nil }
func (discardSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (d discardSession) Data(r io.Reader) error {
	n, err := io.Copy(io.Discard, r)
	if err == nil {
		d.s.messages.Add(1)
		d.s.bytes.Add(uint64(n))
	}
	return err
}
func (discardSession) Reset()        {}
func (discardSession) Logout() error { return nil }

type quietSMTPLog struct{}

func (quietSMTPLog) Printf(string, ...any) {}
func (quietSMTPLog) Println(...any)        {}

// measureMail is measure with the mail figures alone (-mail-only).
func measureMail(ctx context.Context, srv *server, opts Options, progress func(Figure)) (Report, error) {
	rep := Report{Target: srv.BaseURL, Clients: opts.Clients}
	raw, drain, err := mailDrain(ctx, opts)
	relate(&drain, raw)
	for _, f := range []Figure{raw, drain} {
		rep.Figures = append(rep.Figures, f)
		progress(f)
	}
	return rep, err
}

// inProcessMail starts the mail drain's own in-process server on a fresh database in
// dir/mail-drain, after stopping the server of the other figures (stopFirst), whose background
// jobs would otherwise still be working off their bookings' documents and mail.
func inProcessMail(dir string, connections int, now func() time.Time, log *slog.Logger, stopFirst func()) func(context.Context, string) (*server, string, error) {
	return func(ctx context.Context, smtpURL string) (*server, string, error) {
		stopFirst()
		mailDir := filepath.Join(dir, "mail-drain")
		if err := os.MkdirAll(mailDir, 0o750); err != nil {
			return nil, "", err
		}
		srv, err := startServer(ctx, mailDir, "", now, log, "SEMINARS_SMTP_URL="+smtpURL,
			"SEMINARS_SMTP_CONNECTIONS="+strconv.Itoa(connections))
		return srv, filepath.Join(mailDir, "seminars.db"), err
	}
}

// childMail is inProcessMail with the mail drain's server as a child process (children.start).
func childMail(kids *children, dir string, connections int, stopFirst func()) func(context.Context, string) (*server, string, error) {
	return func(ctx context.Context, smtpURL string) (*server, string, error) {
		stopFirst()
		mailDir := filepath.Join(dir, "mail-drain")
		if err := os.MkdirAll(mailDir, 0o750); err != nil {
			return nil, "", err
		}
		srv, err := kids.start(ctx, mailDir, "", "SEMINARS_SMTP_URL="+smtpURL, "SEMINARS_SMTP_CONNECTIONS="+strconv.Itoa(connections))
		return srv, filepath.Join(mailDir, "seminars.db"), err
	}
}

// extraText prints a figure's Extra numbers sorted by name.
func extraText(extra map[string]float64) string {
	keys := slices.Sorted(maps.Keys(extra))
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%.4g", k, extra[k])
	}
	return strings.Join(parts, " ")
}
