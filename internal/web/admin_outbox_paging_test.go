package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
)

// TestOutboxPages pages the outbox, newest first, on the back-office page (200 a list, a link to
// the older ones) and in the admin API (limit, before, next_before).
func TestOutboxPages(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		for i := range 205 {
			item := &model.OutboxItem{Topic: model.TopicMailSend, Key: fmt.Sprintf("mail.send:page:%d", i),
				Payload: fmt.Sprintf(`{"subject":"Nachricht %03d","to":{"email":"k%d@example.com"}}`, i, i)}
			if err := tx.Enqueue(ctx, item); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b := env.signedIn(env.owner.Email)
	older := regexp.MustCompile(`href="(/admin/outbox\?before=\d+)" rel="next"`)
	_, first := b.get("/admin/outbox")
	link := older.FindStringSubmatch(first)
	if link == nil || !strings.Contains(first, "Nachricht 204") || !strings.Contains(first, "Nachricht 005") || strings.Contains(first, "Nachricht 004") {
		t.Fatalf("first page: newest 200 and a link to the older ones expected")
	}
	_, second := b.get(link[1])
	if !strings.Contains(second, "Nachricht 004") || !strings.Contains(second, "Nachricht 000") || strings.Contains(second, "Nachricht 005") || older.MatchString(second) {
		t.Fatalf("second page: the five oldest and no further link expected")
	}

	token := env.token(model.RoleAssistant)
	var subjects []string
	path := "/api/v1/admin/outbox?topic=mail.send&limit=100"
	for range 5 {
		res, raw := env.get(path, token)
		var out struct {
			Items []struct {
				Subject string `json:"subject"`
			} `json:"items"`
			NextBefore uint `json:"next_before"`
		}
		if err := json.Unmarshal(raw, &out); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("status %d, %v", res.StatusCode, err)
		}
		for _, it := range out.Items {
			subjects = append(subjects, it.Subject)
		}
		if out.NextBefore == 0 {
			break
		}
		path = fmt.Sprintf("/api/v1/admin/outbox?topic=mail.send&limit=100&before=%d", out.NextBefore)
	}
	if len(subjects) != 205 || subjects[0] != "Nachricht 204" || subjects[204] != "Nachricht 000" {
		t.Fatalf("API pages: %d items, %q … %q", len(subjects), subjects[0], subjects[len(subjects)-1])
	}
}
