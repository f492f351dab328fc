package store_test

import (
	"context"
	"testing"
	"time"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestReachableDoesNotWaitForTheWriter: the health probe answers while a write transaction holds
// the writer (on SQLite the write pool's only connection, which the old ping queued for), and
// fails once the store is closed.
func TestReachableDoesNotWaitForTheWriter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		holding, release := make(chan struct{}), make(chan struct{})
		done := make(chan error, 1)
		go func() {
			done <- st.WithTx(ctx, func(tx *store.Tx) error {
				if _, err := tx.SettingOnce(ctx, "health_probe", "held"); err != nil {
					return err
				}
				close(holding)
				<-release
				return nil
			})
		}()
		<-holding
		cases := []struct {
			name    string
			closeIt bool
			wantErr bool
		}{
			{"while a write transaction holds the writer", false, false},
			{"after the store was closed", true, true},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				if tc.closeIt {
					close(release)
					if err := <-done; err != nil {
						t.Fatalf("held transaction: %v", err)
					}
					if err := st.Close(); err != nil {
						t.Fatal(err)
					}
				}
				// The deadline only keeps a regression (a probe that waits for the writer) from
				// hanging the test; nothing is timed.
				probeCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
				defer cancel()
				err := st.Reachable(probeCtx)
				if (err != nil) != tc.wantErr {
					t.Fatalf("Reachable = %v, want error %v", err, tc.wantErr)
				}
			})
		}
	})
}
