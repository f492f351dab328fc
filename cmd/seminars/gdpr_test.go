package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestGDPRCommands exports and erases a person from the shell: the export is JSON on stdout,
// the erasure is audited by "cli" without the erased data, and a second export finds nothing.
func TestGDPRCommands(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "s.db")
	env := []string{"SEMINARS_DATABASE=" + dbPath, "SEMINARS_DEMO=false", "SEMINARS_DATA_DIR=" + t.TempDir()}
	ctx := context.Background()
	clk := storetest.NewClock(t)
	st, err := store.Open(ctx, dbPath, clk.Option())
	if err != nil {
		t.Fatal(err)
	}
	date := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk})
	err = st.WithTx(ctx, func(tx *store.Tx) error {
		if err := tx.CreateWaitlistEntry(ctx, &model.WaitlistEntry{DateID: date.ID, Name: "Wanda Warte", Email: "wanda@example.com",
			Seats: 1, Language: "de", Status: model.WaitlistWaiting}); err != nil {
			return err
		}
		return tx.CreateInquiry(ctx, &model.InhouseInquiry{Company: "Anfrage KG", Name: "Wanda Warte", Email: "wanda@example.com",
			Topic: "Vertrieb", Participants: 5, Language: "de", Status: model.InquiryNew})
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	type export struct {
		Email       string           `json:"email"`
		WaitingList []map[string]any `json:"waiting_list"`
		Inquiries   []map[string]any `json:"inquiries"`
	}
	cases := []struct {
		name     string
		args     []string
		wantCode int
		check    func(t *testing.T, out string)
	}{
		{"export", []string{"gdpr", "export", "--email", "wanda@example.com"}, 0, func(t *testing.T, out string) {
			var x export
			if err := json.Unmarshal([]byte(out), &x); err != nil || len(x.WaitingList) != 1 || len(x.Inquiries) != 1 || x.WaitingList[0]["name"] != "Wanda Warte" {
				t.Fatalf("export %v: %s", err, out)
			}
		}},
		{"no address", []string{"gdpr", "export"}, 1, nil},
		{"malformed address", []string{"gdpr", "erase", "--email", "kein"}, 1, nil},
		{"hold of an unknown booking", []string{"gdpr", "hold", "--reference", "SEM-NOPE00"}, 1, nil},
		{"unknown subcommand", []string{"gdpr", "forget", "--email", "wanda@example.com"}, 1, nil},
		{"erase", []string{"gdpr", "erase", "--email", "wanda@example.com"}, 0, func(t *testing.T, out string) {
			if !strings.Contains(out, "2 records changed") || strings.Contains(out, "wanda") {
				t.Fatalf("erase said %q", out)
			}
		}},
		{"export after erasure", []string{"gdpr", "export", "--email", "wanda@example.com"}, 0, func(t *testing.T, out string) {
			var x export
			if err := json.Unmarshal([]byte(out), &x); err != nil || len(x.WaitingList) != 0 || len(x.Inquiries) != 0 {
				t.Fatalf("export after erasure %v: %s", err, out)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(ctx, c.args, env, &out, &errOut)
			if code != c.wantCode {
				t.Fatalf("code %d (want %d): %s %s", code, c.wantCode, out.String(), errOut.String())
			}
			if c.check != nil {
				c.check(t, out.String())
			}
		})
	}
	st, err = store.Open(ctx, dbPath, clk.Option())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log, err := st.AuditLog(ctx, 10)
	if err != nil || len(log) != 1 || log[0].Actor != "cli" || log[0].Action != model.AuditPersonErased || strings.Contains(log[0].Subject+log[0].Detail, "wanda") {
		t.Fatalf("audit log %+v %v", log, err)
	}
}
