package demo

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"seminars/internal/store/storetest"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zoneinfo files

	"seminars/internal/model"
	"seminars/internal/store"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// nows are moments that stress the date arithmetic: both DST switches, a moment that is already
// Monday in Berlin but still Sunday in UTC, a leap day and the last minute of a day.
func nows(t *testing.T) []struct {
	name string
	now  time.Time
} {
	loc := berlin(t)
	return []struct {
		name string
		now  time.Time
	}{
		{"ordinary Wednesday morning", time.Date(2026, 5, 13, 8, 30, 0, 0, loc)},
		{"eve of spring DST switch", time.Date(2026, 3, 28, 23, 0, 0, 0, loc)},
		{"eve of autumn DST switch", time.Date(2026, 10, 24, 22, 0, 0, 0, loc)},
		{"just after midnight Berlin, still Sunday in UTC", time.Date(2026, 11, 16, 0, 30, 0, 0, loc)},
		{"leap day", time.Date(2028, 2, 29, 12, 0, 0, 0, time.UTC)},
		{"late on a Thursday", time.Date(2026, 7, 2, 23, 59, 0, 0, loc)},
	}
}

func TestCatalogueSeminars(t *testing.T) {
	loc := berlin(t)
	seminars := Catalogue(time.Date(2026, 5, 13, 8, 30, 0, 0, loc), loc)
	if len(seminars) < 10 {
		t.Fatalf("catalogue has %d seminars, want at least 10", len(seminars))
	}
	covered := map[string]bool{}
	slugs := map[string]bool{}
	for _, s := range seminars {
		t.Run(s.Slug, func(t *testing.T) {
			if !slugPattern.MatchString(s.Slug) {
				t.Errorf("slug %q is not lowercase ascii with hyphens", s.Slug)
			}
			if slugs[s.Slug] {
				t.Errorf("slug %q used twice", s.Slug)
			}
			slugs[s.Slug] = true
			texts := map[string]string{
				"TitleDE": s.TitleDE, "TitleEN": s.TitleEN, "TeaserDE": s.TeaserDE, "TeaserEN": s.TeaserEN,
				"DescriptionDE": s.DescriptionDE, "DescriptionEN": s.DescriptionEN,
				"PrepareDE": s.PrepareDE, "PrepareEN": s.PrepareEN,
			}
			for field, text := range texts {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s is empty", field)
				}
				if strings.ContainsAny(text, "<>*#") {
					t.Errorf("%s contains markup: %q", field, text)
				}
			}
			fns := s.Functions()
			if len(fns) < 1 || len(fns) > 3 || strings.Contains(s.FunctionList, " ") {
				t.Errorf("FunctionList %q must hold 1–3 keys without spaces", s.FunctionList)
			}
			for _, f := range fns {
				if !model.IsBusinessFunction(f) {
					t.Errorf("unknown business function %q", f)
				}
				covered[f] = true
			}
			if s.DefaultPriceCents < 39000 || s.DefaultPriceCents > 149000 {
				t.Errorf("DefaultPriceCents %d outside 390–1490 EUR", s.DefaultPriceCents)
			}
			switch s.DurationMinutes {
			case 240, 480, 960:
			default:
				t.Errorf("DurationMinutes %d is not a half day, a day or two days", s.DurationMinutes)
			}
			if !s.Published {
				t.Error("not published")
			}
			if len(s.Dates) < 2 || len(s.Dates) > 4 {
				t.Errorf("%d dates, want 2–4", len(s.Dates))
			}
		})
	}
	for _, f := range model.BusinessFunctions {
		if !covered[f] {
			t.Errorf("no seminar addresses business function %q", f)
		}
	}
}

func TestCatalogueDates(t *testing.T) {
	loc := berlin(t)
	for _, c := range nows(t) {
		t.Run(c.name, func(t *testing.T) {
			seminars := Catalogue(c.now, loc)
			cities := map[string]bool{}
			trainerDays := map[string]string{}
			online, soldOut, nearlyFull, earlyBird := 0, 0, 0, 0
			for _, s := range seminars {
				for i, d := range s.Dates {
					where := fmt.Sprintf("%s date %d", s.Slug, i+1)
					checkDate(t, where, s, d, c.now, loc)
					for day := d.StartsAt.In(loc); !day.After(d.EndsAt); day = day.AddDate(0, 0, 1) {
						key := day.Format("2006-01-02")
						if holiday(day) {
							t.Errorf("%s: runs on the holiday %s", where, key)
						}
						if other, ok := trainerDays[key]; ok {
							t.Errorf("%s: trainer already busy on %s with %s", where, key, other)
						}
						trainerDays[key] = where
					}
					switch d.Format {
					case model.FormatOnline:
						online++
					case model.FormatInPerson:
						cities[d.City] = true
					}
					if d.SeatsTaken == d.Capacity {
						soldOut++
					}
					if d.SeatsTaken == d.Capacity-2 {
						nearlyFull++
					}
					if d.EarlyBirdNetCents > 0 {
						earlyBird++
					}
				}
			}
			if online == 0 {
				t.Error("no online dates")
			}
			if len(cities) < 4 {
				t.Errorf("in-person dates in %d cities, want at least 4", len(cities))
			}
			if soldOut == 0 || nearlyFull == 0 || earlyBird == 0 {
				t.Errorf("sold out %d, nearly full %d, early bird %d: the demo should show each", soldOut, nearlyFull, earlyBird)
			}
		})
	}
}

// checkDate checks one date against the rules the catalogue promises.
func checkDate(t *testing.T, where string, s model.Seminar, d model.SeminarDate, now time.Time, loc *time.Location) {
	t.Helper()
	if d.StartsAt.Location() != time.UTC || d.EndsAt.Location() != time.UTC {
		t.Errorf("%s: times not in UTC", where)
	}
	if !d.StartsAt.After(now) {
		t.Errorf("%s: starts %v, not after now %v", where, d.StartsAt, now)
	}
	if d.StartsAt.After(now.AddDate(0, 9, 0)) {
		t.Errorf("%s: starts %v, more than nine months ahead", where, d.StartsAt)
	}
	start, end := d.StartsAt.In(loc), d.EndsAt.In(loc)
	if wd := start.Weekday(); wd < time.Tuesday || wd > time.Thursday {
		t.Errorf("%s: starts on a %v", where, wd)
	}
	if start.Hour() != 9 || start.Minute() != 0 {
		t.Errorf("%s: starts at %s Berlin, want 09:00", where, start.Format("15:04"))
	}
	days := (s.DurationMinutes + 479) / 480
	wantEnd := start.Add(time.Duration(s.DurationMinutes) * time.Minute)
	if days > 1 {
		last := start.AddDate(0, 0, days-1)
		wantEnd = time.Date(last.Year(), last.Month(), last.Day(), 17, 0, 0, 0, loc)
	}
	if !end.Equal(wantEnd) {
		t.Errorf("%s: ends %v, want %v", where, end, wantEnd)
	}
	if d.Capacity < 8 || d.Capacity > 16 || d.SeatsTaken < 0 || d.SeatsTaken > d.Capacity {
		t.Errorf("%s: capacity %d, seats taken %d", where, d.Capacity, d.SeatsTaken)
	}
	if d.Status != model.DatePublished || d.PriceNetCents <= 0 || d.PriceNetCents > s.DefaultPriceCents {
		t.Errorf("%s: status %q, price %d (default %d)", where, d.Status, d.PriceNetCents, s.DefaultPriceCents)
	}
	if d.EarlyBirdNetCents > 0 {
		switch until := d.EarlyBirdUntil; {
		case until == nil:
			t.Errorf("%s: early-bird price without end", where)
		case until.Before(now.In(loc).AddDate(0, 0, 21)) || until.After(now.In(loc).AddDate(0, 0, 43)): // calendar days, so DST switches do not count
			t.Errorf("%s: early bird until %v, want 3–6 weeks after %v", where, until, now)
		case !until.Before(d.StartsAt):
			t.Errorf("%s: early bird until %v, after the start", where, until)
		case d.EarlyBirdNetCents >= d.PriceNetCents || d.EarlyBirdNetCents < d.PriceNetCents*85/100:
			t.Errorf("%s: early bird %d is not about 10 %% below %d", where, d.EarlyBirdNetCents, d.PriceNetCents)
		}
	}
	switch d.Format {
	case model.FormatOnline:
		if d.City != "" || !strings.HasPrefix(d.OnlineURL, "https://meet.example.com/smk-"+s.Slug+"-") {
			t.Errorf("%s: online date with city %q and URL %q", where, d.City, d.OnlineURL)
		}
	case model.FormatInPerson:
		if d.City == "" || d.Venue == "" || !strings.Contains(d.Address, d.City) || d.OnlineURL != "" {
			t.Errorf("%s: in-person date in %q at %q, %q, URL %q", where, d.City, d.Venue, d.Address, d.OnlineURL)
		}
	default:
		t.Errorf("%s: format %q", where, d.Format)
	}
}

func TestHoliday(t *testing.T) {
	cases := []struct {
		name string
		day  time.Time
		want bool
	}{
		{"Easter Sunday 2026", time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC), false},
		{"Ascension 2026", time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC), true},
		{"Corpus Christi 2027", time.Date(2027, 5, 27, 0, 0, 0, 0, time.UTC), true},
		{"Whit Monday 2028", time.Date(2028, 6, 5, 0, 0, 0, 0, time.UTC), true},
		{"Good Friday 2028", time.Date(2028, 4, 14, 0, 0, 0, 0, time.UTC), true},
		{"German Unity Day", time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC), true},
		{"between the years", time.Date(2026, 12, 29, 0, 0, 0, 0, time.UTC), true},
		{"Epiphany", time.Date(2027, 1, 6, 0, 0, 0, 0, time.UTC), true},
		{"ordinary Wednesday", time.Date(2026, 5, 13, 0, 0, 0, 0, time.UTC), false},
		{"Wednesday after Ascension week", time.Date(2026, 5, 20, 0, 0, 0, 0, time.UTC), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := holiday(c.day); got != c.want {
				t.Fatalf("holiday(%s) = %v, want %v", c.day.Format("2006-01-02"), got, c.want)
			}
		})
	}
}

func TestCatalogueIsDeterministic(t *testing.T) {
	loc := berlin(t)
	for _, c := range nows(t) {
		t.Run(c.name, func(t *testing.T) {
			if a, b := Catalogue(c.now, loc), Catalogue(c.now, loc); !reflect.DeepEqual(a, b) {
				t.Fatal("two calls with the same now differ")
			}
		})
	}
}

func TestSeed(t *testing.T) {
	ctx := context.Background()
	loc, now := wednesdayMorning(t)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "s.db"), storetest.NewClockAt(t, now).Option())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	want := Catalogue(now, loc)

	seeded, err := Seed(ctx, st, now, loc)
	if err != nil || !seeded {
		t.Fatalf("first Seed = %v, %v; want true, nil", seeded, err)
	}
	got, err := st.Catalogue(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("store catalogue has %d seminars, want %d", len(got), len(want))
	}
	for i, s := range got {
		if s.Slug != want[i].Slug || len(s.Dates) != len(want[i].Dates) {
			t.Errorf("seminar %d: %s with %d dates, want %s with %d", i, s.Slug, len(s.Dates), want[i].Slug, len(want[i].Dates))
		}
	}

	seeded, err = Seed(ctx, st, now.Add(time.Hour), loc)
	if err != nil || seeded {
		t.Fatalf("second Seed = %v, %v; want false, nil", seeded, err)
	}
	n, err := st.CountSeminars(ctx)
	if err != nil || n != int64(len(want)) {
		t.Fatalf("after second Seed: %d seminars (%v), want %d", n, err, len(want))
	}
}

// TestCatalogueShowsFundingNotes: the demo shows a seminar approved as Bildungsurlaub, with its
// certificate text in both languages and sample numbers that say they are samples.
func TestCatalogueShowsFundingNotes(t *testing.T) {
	loc := berlin(t)
	found := false
	for _, s := range Catalogue(time.Date(2026, 5, 13, 8, 30, 0, 0, loc), loc) {
		if len(s.FundingApprovals) == 0 {
			continue
		}
		found = true
		if s.CertificateTextDE == "" || s.CertificateTextEN == "" {
			t.Errorf("%s: approvals without a certificate text in both languages", s.Slug)
		}
		for _, a := range s.FundingApprovals {
			if !model.IsGermanState(a.State) || !strings.HasPrefix(a.Number, "BEISPIEL-") {
				t.Errorf("%s: approval %+v is not a marked sample in a known state", s.Slug, a)
			}
		}
	}
	if !found {
		t.Fatal("no demo seminar shows Bildungsurlaub approvals")
	}
	ctx := context.Background()
	now := time.Date(2026, 5, 13, 8, 30, 0, 0, loc)
	st := seededStore(t, now, loc)
	seeded, err := st.Catalogue(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, s := range seeded {
		stored += len(s.FundingApprovals)
	}
	if stored == 0 {
		t.Error("the seeded catalogue lost the approvals")
	}
}
