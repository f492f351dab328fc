package web

import (
	"fmt"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/model"
	"seminars/internal/store"
)

// Charts on the dashboard are drawn on the server as SVG: no script, nothing to vendor, and they
// print. Geometry is computed here; templates/admin/dashboard.html only places the shapes.

// columnChart is a vertical bar chart, one column per label.
type columnChart struct {
	Width, Height int
	Baseline      int
	Columns       []column
}

type column struct {
	X, Y, W, H            int
	Label, Year, Value    string // Year only under January and the first column
	TextX, ValueY, LabelY int
}

const (
	chartWidth    = 640
	columnsHeight = 180
	chartPadTop   = 18
	chartPadBelow = 40
)

// newColumnChart scales values to the chart's height; format writes a value as shown on top.
func newColumnChart(labels, years []string, values []int64, format func(int64) string) columnChart {
	ch := columnChart{Width: chartWidth, Height: columnsHeight + chartPadTop + chartPadBelow, Baseline: chartPadTop + columnsHeight}
	var top int64 = 1
	for _, v := range values {
		top = max(top, v)
	}
	slot := chartWidth / max(len(values), 1)
	for i, v := range values {
		h := int(v * columnsHeight / top)
		x := i*slot + slot/8
		ch.Columns = append(ch.Columns, column{
			X: x, Y: ch.Baseline - h, W: slot * 3 / 4, H: h, Label: labels[i], Year: years[i], Value: format(v),
			TextX: x + slot*3/8, ValueY: ch.Baseline - h - 4, LabelY: ch.Baseline + 16,
		})
	}
	return ch
}

// fillChart is a horizontal bar per upcoming date: how full it is.
type fillChart struct {
	Width, Height int
	Rows          []fillRow
}

type fillRow struct {
	Y, TextY         int
	Label, Value     string
	BarX, BarW, Full int
	Level            string // low, mid, high: the colour
	Href             string
}

// Each date gets two lines: its label, then the bar with the count at its end, so labels of any
// length never run into the bars.
const (
	fillWidth     = 900
	fillRowHeight = 48
	fillBarW      = 800
)

func newFillChart(dates []model.SeminarDate, t *i18n.Translator, loc *time.Location) fillChart {
	ch := fillChart{Width: fillWidth, Height: max(len(dates), 1) * fillRowHeight}
	for i, d := range dates {
		full := 0
		if d.Capacity > 0 {
			full = fillBarW * min(d.SeatsTaken, d.Capacity) / d.Capacity
		}
		level := "low"
		switch share := float64(d.SeatsTaken) / float64(max(d.Capacity, 1)); {
		case share >= 0.8:
			level = "high"
		case share >= 0.4:
			level = "mid"
		}
		place := d.City
		if d.Format == model.FormatOnline {
			place = t.T("format.online")
		}
		title := ""
		if d.Seminar != nil {
			title = d.Seminar.Title(t.Lang)
		}
		ch.Rows = append(ch.Rows, fillRow{
			Y: i*fillRowHeight + 24, TextY: i*fillRowHeight + 17,
			Label: fmt.Sprintf("%s · %s · %s", t.Date(d.StartsAt.In(loc)), place, truncate(title, 60)),
			Value: fmt.Sprintf("%d/%d", d.SeatsTaken, d.Capacity), BarX: 0, BarW: fillBarW, Full: full,
			Level: level, Href: fmt.Sprintf("/admin/dates/%d/attendees", d.ID),
		})
	}
	return ch
}

// monthStarts returns the n+1 instants that bound the last n calendar months (display zone)
// including this one: the periods the dashboard's store query adds up.
func monthStarts(now time.Time, n int, loc *time.Location) []time.Time {
	now = now.In(loc)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, loc).AddDate(0, 1-n, 0)
	bounds := make([]time.Time, n+1)
	for i := range bounds {
		bounds[i] = first.AddDate(0, i, 0)
	}
	return bounds
}

// monthlyCharts draws the seats booked and net revenue per month from the totals of the months
// that start at starts (monthStarts; one total per month, added up in SQL).
func monthlyCharts(totals []store.PeriodTotal, starts []time.Time, t *i18n.Translator) (seats, revenue columnChart) {
	n := len(totals)
	labels, years := make([]string, n), make([]string, n)
	seatCounts := make([]int64, n)
	netSums := make([]int64, n)
	for i, total := range totals {
		m := starts[i]
		labels[i] = shortMonth(t, m)
		if i == 0 || m.Month() == time.January {
			years[i] = fmt.Sprint(m.Year())
		}
		seatCounts[i], netSums[i] = total.Seats, total.NetCents
	}
	seats = newColumnChart(labels, years, seatCounts, func(v int64) string { return fmt.Sprint(v) })
	revenue = newColumnChart(labels, years, netSums, func(v int64) string {
		switch {
		case v == 0:
			return ""
		case v < 100000:
			return fmt.Sprintf("%d €", v/100)
		}
		return fmt.Sprintf("%d k", (v+50000)/100000) // thousands of euros, rounded
	})
	return seats, revenue
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// shortMonth writes a month as "Mär" / "Mar", short enough for a column.
func shortMonth(t *i18n.Translator, m time.Time) string {
	name := []rune(strings.Fields(t.Month(m))[0])
	return string(name[:min(3, len(name))])
}
