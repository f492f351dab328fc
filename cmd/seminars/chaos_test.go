package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/payment/stripemock"
	"seminars/internal/store"
)

// TestChaos starts the real `seminars serve` with a poison item in each outbox topic (payloads
// that do not decode, an unknown event, a message no header can carry, a document that does not
// exist), books with an emoji in every free-text field through the public API, and shows that the
// service stays healthy, that every other message is delivered to a real SMTP server, and that
// each poison item ends parked with its error (and the owner told). Then the process is
// restarted with the poison in place and one more poison item: it starts cleanly and stays
// healthy. On SQLite and PostgreSQL.
func TestChaos(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes and stripe-mock")
	}
	mock, err := stripemock.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mock.Stop)
	cases := []struct {
		name     string
		database func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "seminars.db") }},
		{"postgres", postgresSchemaURL},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { runChaos(t, tc.database(t), mock.URL) })
	}
}

// poisonItem is an outbox item no worker can ever carry out.
type poisonItem struct {
	topic              model.Topic
	payload, wantError string
}

var firstPoison = []poisonItem{
	{model.TopicMailEvent, `{"event":`, "payload"},
	{model.TopicMailEvent, `{"event":"no_such_event","booking_id":1}`, "unknown event"},
	{model.TopicMailSend, `not json at all`, "payload"},
	{model.TopicMailSend, `{"message_id":"poison@x","from":"not an address","to":{"email":"x@example.com"},"subject":"s","text":"t"}`, "cannot be sent"},
	{model.TopicDocumentRender, `{"invoice_id":"seven"}`, "payload"},
	{model.TopicDocumentRender, `{"invoice_id":987654}`, "not found"},
	{model.TopicStripeRefund, `[1,2,3]`, "payload"},
	{model.TopicStripeExpireSession, `{"session_id":`, "payload"},
}

var restartPoison = []poisonItem{{model.TopicDocumentRender, `}{`, "payload"}}

const chaosOwner = "owner@example.com"

func runChaos(t *testing.T, database, stripeURL string) {
	mb := startMailbox(t)
	addr := freeAddr(t)
	env := append(os.Environ(), runMainEnv+"=1",
		"SEMINARS_ADDR="+addr, "SEMINARS_BASE_URL=http://"+addr, "SEMINARS_DATABASE="+database,
		"SEMINARS_DATA_DIR="+t.TempDir(), "SEMINARS_DEMO=true", "SEMINARS_SMTP_URL="+mb.url(),
		"SEMINARS_ADMIN_EMAIL="+chaosOwner, "SEMINARS_ADMIN_PASSWORD=correct horse battery staple",
		"SEMINARS_STRIPE_SECRET_KEY=sk_test_123", "SEMINARS_STRIPE_API_URL="+stripeURL,
		"SEMINARS_STRIPE_WEBHOOK_SECRET=whsec_test",
		// Park at the first permanent failure: the process runs on the wall clock, and the
		// backoff between attempts would otherwise make the test wait for minutes.
		"SEMINARS_WORKER_MAX_ATTEMPTS=1",
	)
	if out, err := serveCommand(env, "migrate").CombinedOutput(); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	st, err := store.Connect(context.Background(), database)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	poison := enqueuePoison(t, st, "first", firstPoison)

	p := startServe(t, env, addr)
	booked := bookWithEmoji(t, addr)
	waitUntil(t, p, "poison parked and every other message delivered", func() (bool, string) {
		if ok, why := allParked(st, poison); !ok {
			return false, why
		}
		if ok, why := othersDone(st, poison); !ok {
			return false, why
		}
		for _, rcpt := range booked {
			if len(mb.to(rcpt)) == 0 {
				return false, "no mail yet for " + rcpt
			}
		}
		if n := len(mb.to(chaosOwner)); n != len(poison) {
			return false, fmt.Sprintf("the owner got %d notices, want %d", n, len(poison))
		}
		return true, ""
	})
	if bill := mb.to(booked[0]); !strings.Contains(bill[0].Raw, "application/pdf") {
		t.Errorf("the billing contact's confirmation carries no invoice PDF")
	}
	metrics := get(t, addr, "/metrics")
	for _, topic := range []string{"mail.event", "mail.send", "document.render", "stripe.refund", "stripe.expire_session"} {
		if !strings.Contains(metrics, `seminars_worker_parked_items{topic="`+topic+`"}`) {
			t.Errorf("/metrics shows no parked %s items", topic)
		}
	}
	promtoolCheck(t, metrics)
	p.stop(t)

	// A restart with the poison in place, and one more poison item waiting.
	more := enqueuePoison(t, st, "restart", restartPoison)
	p = startServe(t, env, addr)
	waitUntil(t, p, "the new poison parked after the restart", func() (bool, string) { return allParked(st, more) })
	if n := len(mb.to(chaosOwner)); n > len(poison)+len(more) {
		t.Errorf("the owner got %d notices after the restart, want at most %d (one per parked item)", n, len(poison)+len(more))
	}
	p.stop(t)
}

// serveCommand is the seminars command (this test binary acting as it) with args.
func serveCommand(env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = env
	return cmd
}

// serveProcess is a running `seminars serve`.
type serveProcess struct {
	addr   string
	cmd    *exec.Cmd
	stderr *syncBuffer
	exited chan error
}

func startServe(t *testing.T, env []string, addr string) *serveProcess {
	t.Helper()
	p := &serveProcess{addr: addr, cmd: serveCommand(env, "serve"), stderr: &syncBuffer{}, exited: make(chan error, 1)}
	p.cmd.Stdout, p.cmd.Stderr = &syncBuffer{}, p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.exited <- p.cmd.Wait() }()
	t.Cleanup(func() { _ = p.cmd.Process.Kill() })
	if err := waitHealthy(addr, p.exited); err != nil {
		t.Fatalf("serve never became healthy: %v\n%s", err, p.stderr.String())
	}
	return p
}

// stop ends the process as a deploy does and wants a clean exit.
func (p *serveProcess) stop(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(os.Interrupt)
	if err := <-p.exited; err != nil {
		t.Fatalf("serve did not stop cleanly: %v\n%s", err, p.stderr.String())
	}
}

// waitUntil checks /healthz and cond until cond holds. /healthz must answer 200 every time and
// the process must keep running. The deadline only ends a hung test; nothing is timed.
func waitUntil(t *testing.T, p *serveProcess, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.After(3 * time.Minute)
	why := ""
	for {
		select {
		case err := <-p.exited:
			t.Fatalf("the process died (%v) while waiting for %s\n%s", err, what, p.stderr.String())
		default:
		}
		resp, err := http.Get("http://" + p.addr + "/healthz")
		if err != nil {
			t.Fatalf("/healthz: %v\n%s", err, p.stderr.String())
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("/healthz answered %d", resp.StatusCode)
		}
		var ok bool
		if ok, why = cond(); ok {
			return
		}
		select {
		case <-deadline:
			t.Fatalf("gave up waiting for %s: %s\n%s", what, why, p.stderr.String())
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// enqueuePoison stores the poison items, due long ago, and returns their keys.
func enqueuePoison(t *testing.T, st *store.Store, round string, items []poisonItem) map[string]poisonItem {
	t.Helper()
	ctx := context.Background()
	keys := map[string]poisonItem{}
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		for i, p := range items {
			key := fmt.Sprintf("%s:poison:%s:%d", p.topic, round, i)
			keys[key] = p
			due := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
			if err := tx.Enqueue(ctx, &model.OutboxItem{Topic: p.topic, Key: key, Payload: p.payload, NextAttemptAt: due}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// allParked tells whether every poison item is parked with the error it should have.
func allParked(st *store.Store, poison map[string]poisonItem) (bool, string) {
	for key, p := range poison {
		item, err := st.OutboxItemByKey(context.Background(), key)
		if err != nil {
			return false, err.Error()
		}
		if item.Status != model.OutboxFailed {
			return false, fmt.Sprintf("%s is %s (%q)", key, item.Status, item.LastError)
		}
		if !strings.Contains(item.LastError, p.wantError) {
			return false, fmt.Sprintf("%s parked with %q, want an error about %q", key, item.LastError, p.wantError)
		}
	}
	return true, ""
}

// othersDone tells whether every item that is not poison has been carried out.
func othersDone(st *store.Store, poison map[string]poisonItem) (bool, string) {
	items, err := st.ListOutbox(context.Background(), store.OutboxFilter{Limit: 500})
	if err != nil {
		return false, err.Error()
	}
	for _, it := range items {
		if _, bad := poison[it.Key]; !bad && it.Status != model.OutboxDone {
			return false, fmt.Sprintf("%s is %s (%q)", it.Key, it.Status, it.LastError)
		}
	}
	return true, ""
}

// bookWithEmoji books two attendees on an open demo date, with runes above U+FFFF in every
// field that takes free text, and returns the addresses that must get mail (billing first).
func bookWithEmoji(t *testing.T, addr string) []string {
	t.Helper()
	var catalogue struct {
		Seminars []struct {
			Dates []struct {
				ID        uint `json:"id"`
				SeatsLeft int  `json:"seats_left"`
			} `json:"dates"`
		} `json:"seminars"`
	}
	if err := json.Unmarshal([]byte(get(t, addr, "/api/v1/seminars")), &catalogue); err != nil {
		t.Fatal(err)
	}
	var dateID uint
	for _, s := range catalogue.Seminars {
		for _, d := range s.Dates {
			if dateID == 0 && d.SeatsLeft >= 2 {
				dateID = d.ID
			}
		}
	}
	if dateID == 0 {
		t.Fatal("no demo date with two seats left")
	}
	body := map[string]any{
		"date_id": dateID, "payment_method": "invoice",
		"attendees": []map[string]string{
			{"first_name": "Zoë 😀", "last_name": "Ünal 🚀", "email": "zoe@example.com"},
			{"first_name": "李 🐉", "last_name": "Łukasz 𝒳", "email": "li@example.com"},
		},
		"billing": map[string]string{
			"company": "Emoji 🦄 GmbH & Co. KG", "name": "Max 🎯 Muster", "email": "billing@example.com",
			"street": "Hauptstraße 1 🏠", "postal_code": "10115", "city": "Berlin 🐻", "country": "DE",
			"vat_id": "", "po_number": "PO-🧾-42",
		},
	}
	raw, _ := json.Marshal(body)
	resp, err := http.Post("http://"+addr+"/api/v1/bookings", "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("booking: %d %s", resp.StatusCode, answer)
	}
	return []string{"billing@example.com", "zoe@example.com", "li@example.com"}
}

func get(t *testing.T, addr, path string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	return string(body)
}
