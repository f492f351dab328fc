package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// TestParkedItemNoticeGoesToOwners: when the worker parks a poison message, every owner (and no
// assistant) gets one notice naming the item and its error, with a link to the outbox; the
// other mail of the round still goes out.
func TestParkedItemNoticeGoesToOwners(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
			for _, u := range []model.StaffUser{
				{Email: "owner@example.com", Role: model.RoleOwner, PasswordHash: "x"},
				{Email: "helper@example.com", Role: model.RoleAssistant, PasswordHash: "x"},
			} {
				if err := tx.CreateStaffUser(e.ctx, &u); err != nil {
					return err
				}
			}
			return tx.Enqueue(e.ctx, &model.OutboxItem{Topic: "mail.send", Key: "mail.send:poison", Payload: `{"to":`, NextAttemptAt: e.now})
		})
		if err != nil {
			t.Fatal(err)
		}
		date := e.seedDate(model.FormatOnline, e.now.Add(30*24*time.Hour).Truncate(time.Hour))
		e.reserve(date.ID, "de", [2]string{"Anna", "anna@muster.example"})
		at := e.now.Add(time.Minute)
		for range worker.DefaultMaxAttempts + 1 { // the notice goes out in the round after the parking
			e.run(at)
			at = at.Add(2 * time.Hour) // past any backoff
		}
		poison, err := e.st.OutboxItemByKey(e.ctx, "mail.send:poison")
		if err != nil || poison.Status != model.OutboxFailed || !strings.Contains(poison.LastError, "mail.send payload") {
			t.Fatalf("poison %+v, %v", poison, err)
		}
		var owner, helper, anna int
		for _, m := range e.smtp.messages() {
			switch m.To[0] {
			case "owner@example.com":
				owner++
				p := parseMail(t, m)
				if !strings.Contains(p.Subject, "mail.send") || !strings.Contains(p.Text, "mail.send payload") ||
					!strings.Contains(p.Text, "https://seminare.example/admin/outbox?status=failed") {
					t.Errorf("notice: %q\n%s", p.Subject, p.Text)
				}
			case "helper@example.com":
				helper++
			case "anna@muster.example":
				anna++
			}
		}
		if owner != 1 || helper != 0 || anna == 0 {
			t.Fatalf("owner got %d notices, assistant %d, Anna %d messages", owner, helper, anna)
		}
	})
}

// TestFailingNoticeIsNotNoticed: a notice the server refuses for good is parked without a
// notice about itself, so a broken owner address cannot start a loop.
func TestFailingNoticeIsNotNoticed(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
			return tx.Enqueue(e.ctx, &model.OutboxItem{Topic: "mail.send", Key: "mail.send:item_parked:outbox:7:owner:1",
				Payload: `{"from":"not an address","to":{"email":"owner@example.com"}}`, NextAttemptAt: e.now})
		})
		if err != nil {
			t.Fatal(err)
		}
		at := e.now
		for range worker.DefaultMaxAttempts + 2 {
			e.run(at)
			at = at.Add(2 * time.Hour)
		}
		items, err := e.st.ListOutbox(e.ctx, store.OutboxFilter{})
		if err != nil || len(items) != 1 || items[0].Status != model.OutboxFailed {
			t.Fatalf("outbox %+v, %v", items, err)
		}
	})
}
