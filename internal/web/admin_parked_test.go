package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// TestParkedItemsNeedAttention: items the workers parked — of every topic, not only mail and
// Stripe — show on the dashboard's "needs attention" list and on the outbox page with their error
// and a resend button.
func TestParkedItemsNeedAttention(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	parked := map[model.Topic]string{
		model.TopicDocumentRender: "render RE-2026-00001.pdf: document renderer failed: panic: index out of range [65536]",
		model.TopicMailEvent:      "mail.event payload: unexpected end of JSON input",
	}
	var ids []uint
	err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		for topic, cause := range parked {
			item := &model.OutboxItem{Topic: topic, Key: topic.Key("parked"), Payload: `{"event":"booking_confirmed"}`, NextAttemptAt: now}
			if err := tx.Enqueue(ctx, item); err != nil {
				return err
			}
			if err := tx.ParkOutboxItem(ctx, *item, errors.New(cause), now); err != nil {
				return err
			}
			ids = append(ids, item.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	owner := env.signedIn(env.owner.Email)
	cases := []struct {
		name, path string
		want       []string
	}{
		{"dashboard", "/admin", []string{"Braucht Aufmerksamkeit", "1 zurückgestellter Hintergrundauftrag (document.render)",
			"1 zurückgestellter Hintergrundauftrag (mail.event)", `href="/admin/outbox?status=failed"`}},
		{"outbox, failed", "/admin/outbox?status=failed", []string{"document.render", "index out of range [65536]",
			"mail.event · booking_confirmed", "unexpected end of JSON input", fmt.Sprintf("/admin/outbox/%d/resend", ids[0]),
			fmt.Sprintf("/admin/outbox/%d/resend", ids[1])}},
		{"outbox, all", "/admin/outbox", []string{"index out of range [65536]", "unexpected end of JSON input"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, body := owner.get(tc.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q\n%s", w, excerpt(body))
				}
			}
		})
	}
	if res, body := owner.get("/admin/outbox?status=pending"); res.StatusCode != http.StatusOK || strings.Contains(body, "unexpected end of JSON input") {
		t.Errorf("the pending list shows parked items (status %d)", res.StatusCode)
	}
}
