package model

import (
	"strings"
	"testing"
	"time"
)

// TestMaterialRelease: "N days before" counts calendar days in the display zone from 00:00, so a
// DST change or a date that starts after midnight UTC never moves the day; "after" is the end.
func TestMaterialRelease(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	in := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, berlin) }
	date := func(start, end time.Time) SeminarDate {
		return SeminarDate{ID: 7, SeminarID: 3, StartsAt: start.UTC(), EndsAt: end.UTC()}
	}
	seven := uint(7)
	other := uint(8)
	cases := []struct {
		name string
		m    Material
		d    SeminarDate
		want time.Time
	}{
		{"on the day", Material{SeminarID: 3, Release: ReleaseBefore}, date(in(2026, 12, 10, 9, 0), in(2026, 12, 10, 17, 0)), in(2026, 12, 10, 0, 0)},
		{"three days before", Material{SeminarID: 3, Release: ReleaseBefore, ReleaseDays: 3}, date(in(2026, 12, 10, 9, 0), in(2026, 12, 10, 17, 0)), in(2026, 12, 7, 0, 0)},
		{"across the spring DST change", Material{SeminarID: 3, Release: ReleaseBefore, ReleaseDays: 2}, date(in(2027, 3, 29, 9, 0), in(2027, 3, 29, 17, 0)), in(2027, 3, 27, 0, 0)},
		{"across New Year", Material{SeminarID: 3, Release: ReleaseBefore, ReleaseDays: 5}, date(in(2027, 1, 2, 9, 0), in(2027, 1, 2, 17, 0)), in(2026, 12, 28, 0, 0)},
		{"a date starting at 00:30 Berlin (the day before in UTC)", Material{SeminarID: 3, Release: ReleaseBefore}, date(in(2026, 12, 10, 0, 30), in(2026, 12, 10, 8, 0)), in(2026, 12, 10, 0, 0)},
		{"after a date across midnight", Material{SeminarID: 3, Release: ReleaseAfter}, date(in(2026, 12, 10, 20, 0), in(2026, 12, 11, 1, 0)), in(2026, 12, 11, 1, 0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.m.ReleasedAt(c.d, berlin); !got.Equal(c.want) {
				t.Fatalf("released at %v, want %v", got.In(berlin), c.want)
			}
			if c.m.ReleasedFor(c.d, berlin, c.want.Add(-time.Second)) || !c.m.ReleasedFor(c.d, berlin, c.want) {
				t.Error("not released exactly from its release time")
			}
		})
	}
	d := date(in(2026, 12, 10, 9, 0), in(2026, 12, 10, 17, 0))
	late := in(2027, 1, 1, 0, 0)
	for name, m := range map[string]Material{
		"another seminar": {SeminarID: 4, Release: ReleaseBefore},
		"another date":    {SeminarID: 3, DateID: &other, Release: ReleaseBefore},
	} {
		if m.ReleasedFor(d, berlin, late) {
			t.Errorf("%s: released to the date's attendees", name)
		}
	}
	if !(Material{SeminarID: 3, DateID: &seven, Release: ReleaseAfter}).ReleasedFor(d, berlin, late) {
		t.Error("the date's own material is not released after it")
	}
}

// TestNewMaterial: what the back office and the API refuse before anything is stored.
func TestNewMaterial(t *testing.T) {
	ok := MaterialInput{Title: "Folien", Kind: MaterialFile, FileName: "folien.pdf", Data: []byte("%PDF"), Release: ReleaseAfter}
	cases := []struct {
		name  string
		edit  func(*MaterialInput)
		field string // "" = accepted
		key   string
	}{
		{"a file", func(*MaterialInput) {}, "", ""},
		{"a link", func(in *MaterialInput) { in.Kind, in.URL = MaterialLink, "https://example.com/x" }, "", ""},
		{"empty file", func(in *MaterialInput) { in.Data = nil }, "file", "materials.error.file_empty"},
		{"one byte over", func(in *MaterialInput) { in.Data = make([]byte, 11) }, "file", "materials.error.file_too_large"},
		{"no name", func(in *MaterialInput) { in.FileName = "/" }, "file", "materials.error.file_name"},
		{"no title", func(in *MaterialInput) { in.Title = "  " }, "title", "error.required"},
		{"title with a line break", func(in *MaterialInput) { in.Title = "a\nb" }, "title", "error.line_break"},
		{"javascript link", func(in *MaterialInput) { in.Kind, in.URL = MaterialLink, "javascript:alert(1)" }, "url", "error.link"},
		{"unknown kind", func(in *MaterialInput) { in.Kind = "video" }, "kind", "materials.error.kind"},
		{"unknown release", func(in *MaterialInput) { in.Release = "never" }, "release", "materials.error.release"},
		{"too many days", func(in *MaterialInput) { in.Release, in.ReleaseDays = ReleaseBefore, 366 }, "release_days", "materials.error.release_days"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := ok
			c.edit(&in)
			m, errs := NewMaterial(in, 10)
			if c.field == "" {
				if errs != nil || m.Title == "" {
					t.Fatalf("refused: %v", errs)
				}
				return
			}
			if errs[c.field] != c.key {
				t.Fatalf("errors %v, want %s: %s", errs, c.field, c.key)
			}
		})
	}
}

// TestMaterialFileName keeps the base name only, without quotes or controls, and the type
// comes from a fixed table.
func TestMaterialFileName(t *testing.T) {
	cases := map[string]string{
		`C:\Users\x\Folien "final".pdf`:   "Folien final.pdf",
		"../../etc/passwd":                "passwd",
		"Übersicht\u0000.pdf":             "Übersicht.pdf",
		"📊 Zahlen.xlsx":                   "📊 Zahlen.xlsx",
		strings.Repeat("a", 300) + ".pdf": strings.Repeat("a", 196) + ".pdf",
		"":                                "",
	}
	for in, want := range cases {
		if got := MaterialFileName(in); got != want {
			t.Errorf("MaterialFileName(%.40q) = %.40q, want %.40q", in, got, want)
		}
	}
	for name, want := range map[string]string{"a.PDF": "application/pdf", "a.html": "application/octet-stream", "a": "application/octet-stream"} {
		if got := MaterialContentType(name); got != want {
			t.Errorf("MaterialContentType(%s) = %s, want %s", name, got, want)
		}
	}
}
