package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

func TestInquiriesOpenFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		base := st.Now()
		var ids []uint
		for i, company := range []string{"Alt GmbH", "Mitte AG", "Neu KG"} {
			q := model.InhouseInquiry{Company: company, Name: "N", Email: "n@example.com", Topic: "T", Participants: 5,
				Language: "de", Status: model.InquiryNew, CreatedAt: base.Add(time.Duration(i) * time.Minute)}
			if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateInquiry(ctx, &q) }); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, q.ID)
		}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.SetInquiryStatus(ctx, ids[2], model.InquiryDone) }); err != nil {
			t.Fatal(err)
		}
		err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.SetInquiryStatus(ctx, 99999, model.InquiryDone) })
		if !errors.Is(err, model.ErrNotFound) {
			t.Fatalf("unknown inquiry: %v", err)
		}
		got, err := st.Inquiries(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		order := []string{got[0].Company, got[1].Company, got[2].Company}
		if order[0] != "Mitte AG" || order[1] != "Alt GmbH" || order[2] != "Neu KG" {
			t.Fatalf("order %v: open ones first, newest first", order)
		}
		if n, _ := st.CountOpenInquiries(ctx); n != 2 {
			t.Fatalf("open: %d", n)
		}
	})
}
