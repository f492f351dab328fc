package store

import (
	"context"
	"testing"
)

// TestVenuesMigrationMakesRecords: step 0023_trainers_venues turns each distinct in-person place
// in use (venue name, city, address) into one venue record and points its dates at it; an online
// date and an in-person date with only a city keep their strings and no venue.
func TestVenuesMigrationMakesRecords(t *testing.T) {
	ctx := context.Background()
	steps := migrationSteps()
	last := len(steps) - 1
	for steps[last].ID != "0023_trainers_venues" {
		last--
	}
	for _, db := range testDSNs {
		t.Run(db.name, func(t *testing.T) {
			st, err := Connect(ctx, db.dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := migrate(ctx, st.write, steps[:last]); err != nil {
				t.Fatal(err)
			}
			seed := []string{
				`INSERT INTO seminars (id, slug, title_de, title_en, duration_minutes, default_price_cents) VALUES (1, 's', 'S', 'S', 480, 8403)`,
			}
			dates := []struct {
				id                          int
				format, city, venue, adress string
			}{
				{1, "in_person", "Berlin", "Tagungshaus Mitte", "Friedrichstraße 1, 10117 Berlin"},
				{2, "in_person", "Berlin", "Tagungshaus Mitte", "Friedrichstraße 1, 10117 Berlin"},
				{3, "in_person", "Köln", "Rheinforum", "Am Hof 2, 50667 Köln"},
				{4, "in_person", "Hamburg", "", ""},
				{5, "online", "", "", ""},
			}
			for _, q := range seed {
				if err := st.write.Exec(q).Error; err != nil {
					t.Fatal(err)
				}
			}
			for _, d := range dates {
				err := st.write.Exec(`INSERT INTO seminar_dates (id, seminar_id, starts_at, ends_at, capacity, price_net_cents, format, city, venue, address)
					VALUES (?, 1, '2026-03-01 09:00:00', '2026-03-01 17:00:00', 10, 8403, ?, ?, ?, ?)`, d.id, d.format, d.city, d.venue, d.adress).Error
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := migrate(ctx, st.write, steps[:last+1]); err != nil {
				t.Fatal(err)
			}
			var venues int64
			if err := st.write.Raw(`SELECT COUNT(*) FROM venues`).Scan(&venues).Error; err != nil || venues != 2 {
				t.Fatalf("%d venues (%v), want 2", venues, err)
			}
			want := map[int]string{1: "Tagungshaus Mitte", 2: "Tagungshaus Mitte", 3: "Rheinforum", 4: "", 5: ""}
			for id, name := range want {
				var got string
				err := st.write.Raw(`SELECT COALESCE(v.name, '') FROM seminar_dates d LEFT JOIN venues v ON v.id = d.venue_id WHERE d.id = ?`, id).Scan(&got).Error
				if err != nil || got != name {
					t.Errorf("date %d: venue %q (%v), want %q", id, got, err, name)
				}
			}
			var city string
			if err := st.write.Raw(`SELECT city FROM seminar_dates WHERE id = 4`).Scan(&city).Error; err != nil || city != "Hamburg" {
				t.Errorf("date 4 city %q (%v): the free text must stay", city, err)
			}
		})
	}
}
