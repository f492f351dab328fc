package model

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"
)

// MaterialKind says whether a material is an uploaded file or a link to somewhere else.
type MaterialKind string

// Material kinds; the values are stored in materials.kind.
const (
	MaterialFile MaterialKind = "file"
	MaterialLink MaterialKind = "link"
)

// MaterialRelease says when attendees get a material: from a number of days before their date
// (slides to read ahead, a checklist) or once the date is over (the handout, the recording).
type MaterialRelease string

// Release rules; the values are stored in materials.release.
const (
	ReleaseBefore MaterialRelease = "before"
	ReleaseAfter  MaterialRelease = "after"
)

// Limits of a material's fields (the varchar columns of materials).
const (
	MaxMaterialTitleLen    = 200  // materials.title varchar(200)
	MaxMaterialURLLen      = 2000 // materials.url varchar(2000)
	MaxMaterialFileNameLen = 200  // materials.file_name varchar(200)
	MaxMaterialReleaseDays = 365
)

// Material is a file or link the trainer gives the attendees of a seminar: of every date
// (DateID nil) or of one date. Attendees reach it through their own page (/a/{token}) once
// it is released for their date (ReleasedAt). A file's bytes are in MaterialContent, so lists
// never load them.
type Material struct {
	ID        uint         `gorm:"primaryKey"`
	SeminarID uint         `gorm:"not null;index"`
	DateID    *uint        `gorm:"index"`
	Kind      MaterialKind `gorm:"size:10;not null"`
	Title     string       `gorm:"size:200;not null"`
	// URL is a link's address (http or https); empty for a file.
	URL string `gorm:"size:2000;not null;default:''"`
	// FileName, ContentType, Size and SHA256 describe a file; empty (0) for a link.
	FileName    string `gorm:"size:200;not null;default:''"`
	ContentType string `gorm:"size:100;not null;default:''"`
	Size        int64  `gorm:"not null;default:0"`
	SHA256      string `gorm:"column:sha256;size:64;not null;default:''"`
	// Release and ReleaseDays: with ReleaseBefore, from 00:00 (display zone) ReleaseDays days
	// before the date's first day (0: from that day on); with ReleaseAfter, from the date's end.
	Release     MaterialRelease `gorm:"column:release_rule;size:10;not null"`
	ReleaseDays int             `gorm:"not null;default:0"`
	CreatedBy   string          `gorm:"size:300;not null"`
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// MaterialContent holds the bytes of a file material, one row per material. They live in the
// database on SQLite and PostgreSQL alike (bytea/blob), as issued documents do: every instance
// sees the same files, a backup of the database holds them, and an upload is stored in the same
// transaction as its record, so there is never a record without its file or a file left behind.
type MaterialContent struct {
	MaterialID uint   `gorm:"primaryKey;autoIncrement:false"`
	Data       []byte `gorm:"not null"`
}

// ReleasedAt is when attendees of date d get the material, in loc's calendar for "days before".
func (m Material) ReleasedAt(d SeminarDate, loc *time.Location) time.Time {
	if m.Release == ReleaseAfter {
		return d.EndsAt
	}
	y, mo, day := d.StartsAt.In(loc).Date()
	return time.Date(y, mo, day-m.ReleaseDays, 0, 0, 0, 0, loc)
}

// ReleasedFor tells whether attendees of date d may have the material at now: it belongs to d's
// seminar, to every date or to d, and its release time has come.
func (m Material) ReleasedFor(d SeminarDate, loc *time.Location, now time.Time) bool {
	return m.AppliesTo(d) && !now.Before(m.ReleasedAt(d, loc))
}

// AppliesTo tells whether the material is one for date d's attendees at all.
func (m Material) AppliesTo(d SeminarDate) bool {
	return m.SeminarID == d.SeminarID && (m.DateID == nil || *m.DateID == d.ID)
}

// CheckLink validates a link material's address: http or https with a host, one line.
func CheckLink(field, raw string) (string, error) {
	v, err := RequiredLine(field, raw, MaxMaterialURLLen)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", &FieldError{Field: field, Reason: ReasonLink}
	}
	return v, nil
}

// ReasonLink: a material's link is not an http(s) address.
const ReasonLink Reason = "link"

// MaterialFileName makes an uploaded file's name safe to store and to send back in a
// Content-Disposition header: the base name only (no folders of the uploader's machine), one
// line, at most MaxMaterialFileNameLen characters; "" when nothing is left.
func MaterialFileName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	if name == "." || name == "/" {
		return ""
	}
	var b strings.Builder
	for _, r := range name {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '"' {
			continue
		}
		b.WriteRune(r)
	}
	runes := []rune(b.String())
	if len(runes) > MaxMaterialFileNameLen { // keep the extension, which decides the type
		ext := []rune(path.Ext(b.String()))
		if len(ext) >= MaxMaterialFileNameLen/2 {
			ext = nil
		}
		runes = append(runes[:MaxMaterialFileNameLen-len(ext)], ext...)
	}
	clean, err := Line("file", string(runes), MaxMaterialFileNameLen)
	if err != nil {
		return ""
	}
	return clean
}

// materialTypes are the content types materials are served with, by file extension: a fixed
// table rather than the machine's mime.types, so every instance sends the same header; a file
// of any other kind is served as application/octet-stream.
var materialTypes = map[string]string{
	".pdf":  "application/pdf",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".svg":  "image/svg+xml",
	".zip":  "application/zip",
	".mp3":  "audio/mpeg",
	".mp4":  "video/mp4",
	".ics":  "text/calendar; charset=utf-8",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt":  "application/vnd.oasis.opendocument.text",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".odp":  "application/vnd.oasis.opendocument.presentation",
}

// MaterialContentType is the type a file material is served with, from its name's extension.
func MaterialContentType(fileName string) string {
	if t, ok := materialTypes[strings.ToLower(path.Ext(fileName))]; ok {
		return t
	}
	return "application/octet-stream"
}

// String names a material in audit entries.
func (m Material) String() string {
	scope := fmt.Sprintf("seminar %d", m.SeminarID)
	if m.DateID != nil {
		scope = fmt.Sprintf("date %d", *m.DateID)
	}
	target := m.URL
	if m.Kind == MaterialFile {
		target = fmt.Sprintf("%s, %d bytes, sha256 %s", m.FileName, m.Size, m.SHA256)
	}
	return fmt.Sprintf("%s; %s; %s (%s); release %s %d", scope, m.Title, m.Kind, target, m.Release, m.ReleaseDays)
}

// MaterialInput is a new material as the back office form or the admin API sends it, before
// it is checked (NewMaterial).
type MaterialInput struct {
	Title       string
	Kind        MaterialKind
	URL         string // a link's address
	FileName    string // a file's name as uploaded
	Data        []byte // a file's bytes
	Release     MaterialRelease
	ReleaseDays int
}

// NewMaterial checks a material's input against the text rule and the upload limit (maxBytes)
// and returns the material to store (without its seminar, date and author), or per-field
// message keys. An empty or too large file, a link that is not http(s) and a release rule
// outside the two kinds are refused here, before anything is stored.
func NewMaterial(in MaterialInput, maxBytes int64) (Material, map[string]string) {
	errs := map[string]string{}
	fail := func(field string, err error) {
		var fe *FieldError
		if errors.As(err, &fe) {
			errs[field] = fe.MessageKey()
		} else if err != nil {
			errs[field] = "error.bad_request"
		}
	}
	m := Material{Kind: in.Kind, Release: in.Release, ReleaseDays: in.ReleaseDays}
	var err error
	m.Title, err = RequiredLine("title", in.Title, MaxMaterialTitleLen)
	fail("title", err)
	switch in.Kind {
	case MaterialLink:
		m.URL, err = CheckLink("url", in.URL)
		fail("url", err)
	case MaterialFile:
		switch {
		case len(in.Data) == 0:
			errs["file"] = "materials.error.file_empty"
		case int64(len(in.Data)) > maxBytes:
			errs["file"] = "materials.error.file_too_large"
		}
		if m.FileName = MaterialFileName(in.FileName); m.FileName == "" && errs["file"] == "" {
			errs["file"] = "materials.error.file_name"
		}
		m.ContentType, m.Size = MaterialContentType(m.FileName), int64(len(in.Data))
	default:
		errs["kind"] = "materials.error.kind"
	}
	switch in.Release {
	case ReleaseBefore:
		if in.ReleaseDays < 0 || in.ReleaseDays > MaxMaterialReleaseDays {
			errs["release_days"] = "materials.error.release_days"
		}
	case ReleaseAfter:
		m.ReleaseDays = 0
	default:
		errs["release"] = "materials.error.release"
	}
	if len(errs) > 0 {
		return Material{}, errs
	}
	return m, nil
}
