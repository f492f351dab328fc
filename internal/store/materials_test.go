package store_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestMaterialBytesRoundTrip stores a file material with bytes of every value and reads them
// back unchanged, on SQLite (blob) and PostgreSQL (bytea); deleting it removes the bytes too.
func TestMaterialBytesRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		d := storetest.SeedDate(t, st, storetest.DateOptions{})
		data := make([]byte, 256*3)
		for i := range data {
			data[i] = byte(i)
		}
		m := model.Material{SeminarID: d.SeminarID, DateID: &d.ID, Kind: model.MaterialFile, Title: "Alle Bytes", FileName: "bytes.bin",
			ContentType: "application/octet-stream", Size: int64(len(data)), Release: model.ReleaseAfter, CreatedBy: "test"}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateMaterial(ctx, &m, data) }); err != nil {
			t.Fatal(err)
		}
		got, err := st.MaterialData(ctx, m.ID)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("read back %d bytes (%v), want the %d stored", len(got), err, len(data))
		}
		if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.DeleteMaterial(ctx, m.ID) }); err != nil {
			t.Fatal(err)
		}
		if _, err := st.MaterialData(ctx, m.ID); err == nil {
			t.Fatal("the bytes outlived their material")
		}
	})
}

// TestBackupHoldsMaterials: uploads live in the database, so `seminars backup` (VACUUM INTO)
// copies them with everything else.
func TestBackupHoldsMaterials(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t)
	d := storetest.SeedDate(t, st, storetest.DateOptions{})
	m := model.Material{SeminarID: d.SeminarID, Kind: model.MaterialFile, Title: "Handout", FileName: "handout.pdf",
		ContentType: "application/pdf", Size: 4, Release: model.ReleaseAfter, CreatedBy: "test"}
	if err := st.WithTx(ctx, func(tx *store.Tx) error { return tx.CreateMaterial(ctx, &m, []byte("%PDF")) }); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := st.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	copyOf, err := store.Open(ctx, path, store.WithClock(st.Now))
	if err != nil {
		t.Fatal(err)
	}
	defer copyOf.Close()
	if got, err := copyOf.MaterialData(ctx, m.ID); err != nil || string(got) != "%PDF" {
		t.Fatalf("backup holds %q, %v; want the handout", got, err)
	}
}
