package store_test

import (
	"context"
	"reflect"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestSeminarFundingNotesRoundTrip: a seminar's approvals and certificate texts come back as
// written, on both databases; none stored reads back as none.
func TestSeminarFundingNotesRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		date := storetest.SeedDate(t, st, storetest.DateOptions{})
		sem, err := st.SeminarByID(ctx, date.SeminarID)
		if err != nil {
			t.Fatal(err)
		}
		if len(sem.FundingApprovals) != 0 || sem.CertificateTextDE != "" {
			t.Fatalf("a new seminar has notes: %+v %q", sem.FundingApprovals, sem.CertificateTextDE)
		}
		want := model.FundingApprovals{{State: "BW", Number: "BZ-17"}, {State: "NW", Number: "SB-2026-0815 „neu“"}}
		sem.FundingApprovals, sem.CertificateTextDE, sem.CertificateTextEN = want, "Nach AWbG.\nZweite Zeile.", "Under AWbG."
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.UpdateSeminar(ctx, &sem) }); err != nil {
			t.Fatal(err)
		}
		got, err := st.SeminarByID(ctx, sem.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.FundingApprovals, want) || got.CertificateTextDE != "Nach AWbG.\nZweite Zeile." || got.CertificateTextEN != "Under AWbG." {
			t.Errorf("read back %+v %q %q", got.FundingApprovals, got.CertificateTextDE, got.CertificateTextEN)
		}
		got.FundingApprovals = nil
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.UpdateSeminar(ctx, &got) }); err != nil {
			t.Fatal(err)
		}
		if again, err := st.SeminarByID(ctx, sem.ID); err != nil || len(again.FundingApprovals) != 0 {
			t.Errorf("cleared approvals read back as %+v (%v)", again.FundingApprovals, err)
		}
	})
}
