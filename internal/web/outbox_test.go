package web

import (
	"context"
	"errors"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestOutboxAdminAPI runs the outbox endpoints. Until the admin issue's authentication replaces
// the placeholder, the real routes refuse everyone; the handlers themselves are tested through
// unprotected test routes on the same server.
func TestOutboxAdminAPI(t *testing.T) { storetest.Each(t, testOutboxAdminAPI) }

func testOutboxAdminAPI(t *testing.T, st *store.Store) {
	s := newTestServer(t, st)
	failed, pending := seedOutbox(t, st)
	s.echo.GET("/api/test/outbox", s.outboxList)
	s.echo.POST("/api/test/outbox/:id/resend", s.outboxResend)

	cases := []struct {
		name, method, path string
		status             int
		want               []string
		notWant            []string
	}{
		{"real route refuses without admin auth", "GET", "/api/v1/admin/outbox", 401, []string{`"unauthorized"`}, nil},
		{"real resend route refuses without admin auth", "POST", "/api/v1/admin/outbox/1/resend", 401, nil, nil},
		{"list shows status, attempts, last error, recipient", "GET", "/api/test/outbox", 200,
			[]string{`"status":"failed"`, `"attempts":1`, `"last_error":"550 no such mailbox"`, `"to":"anna@muster.example"`, `"subject":"Ihre Anmeldung"`},
			[]string{"secret-token", "payload"}},
		{"list filters by status", "GET", "/api/test/outbox?status=pending", 200, []string{`"status":"pending"`}, []string{`"status":"failed"`}},
		{"bad status filter", "GET", "/api/test/outbox?status=nope", 422, []string{`"status"`}, nil},
		{"resend a failed item", "POST", "/api/test/outbox/" + failed + "/resend", 200, []string{`"status":"pending"`, `"attempts":0`}, nil},
		{"resend it again: no longer failed", "POST", "/api/test/outbox/" + failed + "/resend", 409, []string{"invalid_transition"}, nil},
		{"resend a pending item", "POST", "/api/test/outbox/" + pending + "/resend", 409, nil, nil},
		{"resend an unknown item", "POST", "/api/test/outbox/99999/resend", 404, nil, nil},
		{"resend a malformed id", "POST", "/api/test/outbox/abc/resend", 404, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, nil)
			rec := httptest.NewRecorder()
			s.Handler().ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s: %s", w, body)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body shows %s: %s", w, body)
				}
			}
		})
	}
}

func newTestServer(t *testing.T, st *store.Store) *Server {
	t.Helper()
	s, err := New(apptest.New(t, st, apptest.Config(t)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// seedOutbox stores a message that failed for good and one still pending; it returns their ids.
func seedOutbox(t *testing.T, st *store.Store) (failed, pending string) {
	t.Helper()
	ctx := context.Background()
	now := st.Now()
	items := []*model.OutboxItem{
		{Topic: "mail.send", Key: "k1", Payload: `{"to":{"email":"anna@muster.example"},"subject":"Ihre Anmeldung","html":"secret-token"}`},
		{Topic: "mail.event", Key: "k2", Payload: `{"event":"booking_confirmed"}`},
	}
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		for _, it := range items {
			if err := tx.Enqueue(ctx, it); err != nil {
				return err
			}
		}
		return tx.ParkOutboxItem(ctx, *items[0], errors.New("550 no such mailbox"), now)
	})
	if err != nil {
		t.Fatal(err)
	}
	return itoa(items[0].ID), itoa(items[1].ID)
}

func itoa(id uint) string { return strconv.FormatUint(uint64(id), 10) }
