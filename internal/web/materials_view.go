package web

import (
	"fmt"
	"strings"
	"time"

	"seminars/internal/model"
)

// materialRow is one material as the back office lists it.
type materialRow struct {
	model.Material
	// Date is the date the material belongs to (nil: every date of the seminar).
	Date *model.SeminarDate
	// ReleasedAt is when the attendees of the page's date get it (the date page only).
	ReleasedAt *time.Time
	SizeText   string
}

// attendeeMaterial is one material as an attendee's page shows it.
type attendeeMaterial struct {
	Title    string
	Kind     model.MaterialKind
	Href     string // the link, or the download path under the attendee's page (before Page.Href)
	FileName string
	SizeText string
	Released bool
	From     time.Time // when it is released, for one that is not yet
}

// materialForm is what the back office's material form sent, kept to show again on an error.
type materialForm struct {
	Kind        string
	Title       string
	URL         string
	Release     string
	ReleaseDays string
}

// materialsPageData is the back-office page of a seminar's or a date's materials.
type materialsPageData struct {
	Seminar model.Seminar
	Date    *model.SeminarDate // nil on the seminar's page
	Items   []materialRow
	Form    materialForm
	Action  string // where the form posts
	MaxSize string // the upload limit, for the form's hint
	Notice  string
}

// byteSize writes a size in bytes as people read it ("2,4 MB", "512 KB"), in lang's decimal mark.
func byteSize(n int64, lang string) string {
	var s string
	switch {
	case n >= 1<<20:
		s = fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		s = fmt.Sprintf("%d KB", (n+1<<9)>>10)
	default:
		return fmt.Sprintf("%d B", n)
	}
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// attendeeMaterials are the materials of date d its attendee with page token sees at now: the
// released ones to open or download, and the others with the day they come.
func (s *Server) attendeeMaterials(items []model.Material, d model.SeminarDate, token, lang string) []attendeeMaterial {
	out := make([]attendeeMaterial, 0, len(items))
	now := s.now()
	for _, m := range items {
		if !m.AppliesTo(d) {
			continue
		}
		am := attendeeMaterial{Title: m.Title, Kind: m.Kind, FileName: m.FileName, Released: m.ReleasedFor(d, s.cfg.Location, now),
			From: m.ReleasedAt(d, s.cfg.Location)}
		if m.Kind == model.MaterialFile {
			am.Href = fmt.Sprintf("/a/%s/materials/%d", token, m.ID)
			am.SizeText = byteSize(m.Size, lang)
		} else {
			am.Href = m.URL
		}
		if !am.Released {
			am.Href = ""
		}
		out = append(out, am)
	}
	return out
}
