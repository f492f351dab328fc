package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
)

// TestAdminOutboxPage lists what was sent and what failed, and sends a failed message again.
func TestAdminOutboxPage(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	now := env.st.Now()
	var failed model.OutboxItem
	err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		for i, status := range []string{model.OutboxDone, model.OutboxFailed} {
			// Items are stored pending and then marked, the way the worker does it.
			item := &model.OutboxItem{Topic: "mail.send", Key: fmt.Sprintf("mail.send:test:%d", i), Status: model.OutboxPending,
				Payload: fmt.Sprintf(`{"subject":"Ihre Buchung %d","to":{"email":"kunde%d@example.com"}}`, i, i)}
			if err := tx.Enqueue(ctx, item); err != nil {
				return err
			}
			if status == model.OutboxFailed {
				failed = *item
				return tx.ParkOutboxItem(ctx, *item, errors.New("550 mailbox unavailable"), now)
			}
			if err := tx.MarkOutboxDone(ctx, item.ID, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b := env.signedIn(env.owner.Email)
	cases := []struct {
		name, path string
		want       []string
		wantNot    []string
	}{
		{"everything", "/admin/outbox", []string{"Ihre Buchung 0", "Ihre Buchung 1", "kunde1@example.com", "550 mailbox unavailable", "Erneut senden"}, nil},
		{"only failed", "/admin/outbox?status=failed", []string{"Ihre Buchung 1"}, []string{"Ihre Buchung 0"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := b.get(tc.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(body, w) {
					t.Errorf("page shows %q", w)
				}
			}
		})
	}
	if res, _ := env.browser().get("/admin/outbox"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("outbox without sign-in: %d", res.StatusCode)
	}
	res, _ := b.post("/admin/outbox", fmt.Sprintf("/admin/outbox/%d/resend", failed.ID), nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("resend: %d", res.StatusCode)
	}
	item, err := env.st.OutboxItemByID(ctx, failed.ID)
	if err != nil || item.Status != model.OutboxPending || item.Attempts != 0 {
		t.Fatalf("after resend: %+v %v", item, err)
	}
}
