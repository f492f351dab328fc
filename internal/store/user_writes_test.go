package store_test

import (
	"context"
	"errors"
	"testing"

	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// UserWrites counts committed writes outside background jobs only: a job's own commits must not
// make the jobs back off from themselves, and a refused transaction committed nothing.
func TestUserWritesCountsCommittedNonBackgroundWrites(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	before := st.UserWrites()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		err  error
		want uint64 // added to the count
	}{
		{name: "user write", ctx: ctx, want: 1},
		{name: "background write", ctx: store.Background(ctx), want: 0},
		{name: "refused user write", ctx: ctx, err: errors.New("refused"), want: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := st.UserWrites()
			err := st.WithTx(tc.ctx, func(*store.Tx) error { return tc.err })
			if !errors.Is(err, tc.err) {
				t.Fatalf("WithTx = %v, want %v", err, tc.err)
			}
			if got := st.UserWrites() - n; got != tc.want {
				t.Errorf("UserWrites moved by %d, want %d", got, tc.want)
			}
		})
	}
	if st.UserWrites()-before != 1 {
		t.Errorf("UserWrites moved by %d in all, want 1", st.UserWrites()-before)
	}
}
