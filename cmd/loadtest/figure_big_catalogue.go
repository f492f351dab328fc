package main

import (
	"context"
	"fmt"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// The big catalogue's figures (-big): the same server after seeding Big seminars with ten
// upcoming dates each, against its own /healthz measured right before them.
const (
	figBigHealthz  = "big_healthz"
	figBigCatalog  = "big_catalogue"
	figBigAPI      = "big_api_seminars"
	figBigAPIPaged = "big_api_seminars_paged"
	bigDatesPer    = 10
)

// bigFigures are the figures -big adds, in the order it measures them.
var bigFigures = []string{figBigHealthz, figBigCatalog, figBigAPI, figBigAPIPaged}

// measureBig seeds the big catalogue into the server's database and measures the catalogue
// page, the seminars API (whole and one page of 20) and /healthz on it.
func measureBig(ctx context.Context, srv *server, opts Options, add func(Figure, string) Figure) error {
	if srv.SeedCatalogue == nil {
		return fmt.Errorf("-big needs a server this tool started (it seeds the database directly)")
	}
	if err := srv.SeedCatalogue(ctx, opts.Big); err != nil {
		return fmt.Errorf("seed the big catalogue: %w", err)
	}
	load := func(name, path string) Figure {
		return attack(ctx, name, target(srv.BaseURL, path), opts.Clients, opts.Duration, nil)
	}
	health := add(load(figBigHealthz, "/healthz"), "GET /healthz with the big catalogue (its baseline)")
	n := fmt.Sprintf("%d more seminars, %d more dates", opts.Big, opts.Big*bigDatesPer)
	for _, page := range []struct{ name, path, what string }{
		{figBigCatalog, "/", "GET / with " + n + " (first page: 20 seminars, 4 dates each)"},
		{figBigAPI, "/api/v1/seminars", "GET /api/v1/seminars with " + n + " (all of them, the default)"},
		{figBigAPIPaged, "/api/v1/seminars?per_page=20", "GET /api/v1/seminars?per_page=20 with " + n},
	} {
		f := load(page.name, page.path)
		relate(&f, health)
		add(f, page.what)
	}
	return nil
}

// seedBigCatalogue inserts n published seminars with bigDatesPer upcoming dates each, in
// transactions of 50 seminars, straight into the store (the admin API would take minutes).
func seedBigCatalogue(ctx context.Context, st *store.Store, n int, now time.Time) error {
	functions := model.BusinessFunctions
	formats := []string{model.FormatInPerson, model.FormatOnline}
	cities := []string{"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Leipzig"}
	day := now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 7)
	for first := 0; first < n; first += 50 {
		err := st.WithTx(ctx, func(tx *store.Tx) error {
			for i := first; i < min(first+50, n); i++ {
				s := model.Seminar{Slug: fmt.Sprintf("lastkatalog-%04d", i),
					TitleDE:  fmt.Sprintf("Lastkatalog %d: Social Media für %s", i, functions[i%len(functions)]),
					TitleEN:  fmt.Sprintf("Load catalogue %d: social media for %s", i, functions[i%len(functions)]),
					TeaserDE: "Ein Seminar des Lastkatalogs.", TeaserEN: "A seminar of the load catalogue.",
					FunctionList: functions[i%len(functions)], DurationMinutes: 480, DefaultPriceCents: 89000, Published: true}
				for j := range bigDatesPer {
					start := day.AddDate(0, 0, (i*bigDatesPer+j)%360).Add(8 * time.Hour)
					d := model.SeminarDate{StartsAt: start, EndsAt: start.Add(8 * time.Hour), Capacity: 12,
						PriceNetCents: 89000, Format: formats[j%2], Status: model.DatePublished}
					if d.Format == model.FormatInPerson {
						d.City, d.Venue = cities[(i+j)%len(cities)], "Seminarraum"
					} else {
						d.OnlineURL = "https://meet.example.com/load"
					}
					s.Dates = append(s.Dates, d)
				}
				if err := tx.CreateSeminar(ctx, &s); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
