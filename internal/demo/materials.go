package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// cheatSheet is the demo's uploaded handout: a Markdown file, so it opens anywhere.
const cheatSheet = `# Spickzettel: Social Media in jeder Abteilung

1. Liste jede Funktion im Unternehmen auf, die Social Media nutzen kann – es sollten mehr als fünf sein.
2. Lege pro Funktion fest, wer spricht, worüber und mit welchem Ziel.
3. Schreibe die Regeln auf (Leitfaden), bevor der erste Beitrag erscheint.
4. Miss, was zählt: Anfragen, Bewerbungen, gelöste Kundenfälle – nicht nur Likes.
`

// seedMaterials gives sem a date that took place two weeks before now (shown in the back office,
// never in the catalogue, which lists upcoming dates only) with the materials its attendees get:
// a checklist link for every date, released a week before, and for that date a handout file
// and the recording, released after it; and one example booking on it (seedPastBooking).
func seedMaterials(ctx context.Context, tx *store.Tx, sem model.Seminar, now time.Time, berlin *time.Location) error {
	if berlin == nil {
		berlin = time.UTC
	}
	local := now.In(berlin)
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, berlin).AddDate(0, 0, -14)
	for day.Weekday() < time.Tuesday || day.Weekday() > time.Thursday {
		day = day.AddDate(0, 0, -1)
	}
	past := model.SeminarDate{
		SeminarID: sem.ID, StartsAt: at(day, dayStartHour).UTC(), EndsAt: at(day, dayEndHour).UTC(),
		Capacity: 12, PriceNetCents: sem.DefaultPriceCents, Status: model.DatePublished, Format: model.FormatOnline,
		OnlineURL: "https://meet.example.com/smk-" + sem.Slug + "-rueckblick",
	}
	if err := tx.CreateDate(ctx, &past); err != nil {
		return fmt.Errorf("demo: past date: %w", err)
	}
	if err := seedPastBooking(ctx, tx, past, now); err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(cheatSheet))
	items := []struct {
		m    model.Material
		data []byte
	}{
		{m: model.Material{Kind: model.MaterialLink, Title: "Checkliste: Was Sie vorab klären", URL: "https://example.com/checkliste-social-media",
			Release: model.ReleaseBefore, ReleaseDays: 7}},
		{m: model.Material{DateID: &past.ID, Kind: model.MaterialFile, Title: "Spickzettel zum Seminar", FileName: "Spickzettel-Social-Media.md",
			ContentType: model.MaterialContentType("Spickzettel-Social-Media.md"), Size: int64(len(cheatSheet)), SHA256: hex.EncodeToString(sum[:]),
			Release: model.ReleaseAfter}, data: []byte(cheatSheet)},
		{m: model.Material{DateID: &past.ID, Kind: model.MaterialLink, Title: "Aufzeichnung des Online-Seminars", URL: "https://example.com/aufzeichnung",
			Release: model.ReleaseAfter}},
	}
	for _, it := range items {
		m := it.m
		m.SeminarID, m.CreatedBy = sem.ID, "demo"
		if err := tx.CreateMaterial(ctx, &m, it.data); err != nil {
			return fmt.Errorf("demo: material %s: %w", m.Title, err)
		}
	}
	return nil
}
