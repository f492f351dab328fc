package web

import (
	"context"
	"testing"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

func TestMonthlyCharts(t *testing.T) {
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	st := storetest.SQLite(t)
	seedHistory(t, st, []model.Booking{
		{CreatedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Seats: 3, NetCents: 147000},
		{CreatedAt: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), Seats: 1, NetCents: 49000},
		// 23:30 UTC on 31 October is already November in Berlin.
		{CreatedAt: time.Date(2026, 10, 31, 23, 30, 0, 0, time.UTC), Seats: 2, NetCents: 98000},
		{CreatedAt: time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC), Seats: 5, NetCents: 45000},
		{CreatedAt: time.Date(2025, 11, 30, 9, 0, 0, 0, time.UTC), Seats: 7, NetCents: 1}, // 13 months ago: left out
	})
	months := monthStarts(now, 12, berlin)
	totals, err := st.BookedByPeriod(context.Background(), months)
	if err != nil {
		t.Fatal(err)
	}
	seats, revenue := monthlyCharts(totals, months, catalog.For("de"))
	cases := []struct {
		name  string
		col   column
		label string
		value string
	}{
		{"first month is a year back", seats.Columns[0], "Dez", "5"},
		{"this month, Berlin time", seats.Columns[11], "Nov", "6"},
		{"empty month", seats.Columns[5], "Mai", "0"},
		{"revenue in thousands", revenue.Columns[11], "Nov", "3 k"},
		{"small revenue in euros", revenue.Columns[0], "Dez", "450 €"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.col.Label != c.label || c.col.Value != c.value {
				t.Fatalf("column %q = %q, want %q = %q", c.col.Label, c.col.Value, c.label, c.value)
			}
		})
	}
	if seats.Columns[0].Year != "2025" || seats.Columns[1].Year != "2026" || seats.Columns[2].Year != "" {
		t.Fatalf("years under the columns: %q %q %q", seats.Columns[0].Year, seats.Columns[1].Year, seats.Columns[2].Year)
	}
	if len(seats.Columns) != 12 || seats.Columns[11].H != columnsHeight || seats.Columns[5].H != 0 {
		t.Fatalf("the fullest month must fill the height: %+v", seats.Columns[11])
	}
}

func TestFillChart(t *testing.T) {
	catalog, _ := i18n.New()
	berlin, _ := time.LoadLocation("Europe/Berlin")
	dates := []model.SeminarDate{
		{ID: 1, Capacity: 10, SeatsTaken: 10, Format: model.FormatInPerson, City: "Köln", StartsAt: time.Date(2026, time.December, 3, 9, 0, 0, 0, berlin)},
		{ID: 2, Capacity: 10, SeatsTaken: 1, Format: model.FormatOnline, StartsAt: time.Date(2026, time.December, 4, 9, 0, 0, 0, berlin)},
	}
	ch := newFillChart(dates, catalog.For("en"), berlin)
	if ch.Rows[0].Full != fillBarW || ch.Rows[0].Level != "high" || ch.Rows[0].Value != "10/10" {
		t.Fatalf("full date: %+v", ch.Rows[0])
	}
	if ch.Rows[1].Full != fillBarW/10 || ch.Rows[1].Level != "low" || ch.Rows[1].Href != "/admin/dates/2/attendees" {
		t.Fatalf("empty date: %+v", ch.Rows[1])
	}
}
