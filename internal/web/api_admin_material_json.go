package web

import (
	"time"

	"seminars/internal/model"
)

// adminMaterialJSON is a material in the admin API (openapi.yaml: Material).
type adminMaterialJSON struct {
	ID          uint                  `json:"id"`
	SeminarID   uint                  `json:"seminar_id"`
	DateID      *uint                 `json:"date_id"` // null: every date of the seminar
	Kind        model.MaterialKind    `json:"kind"`
	Title       string                `json:"title"`
	URL         string                `json:"url,omitempty"`
	FileName    string                `json:"file_name,omitempty"`
	ContentType string                `json:"content_type,omitempty"`
	Size        int64                 `json:"size"`
	SHA256      string                `json:"sha256,omitempty"`
	Release     model.MaterialRelease `json:"release"`
	ReleaseDays int                   `json:"release_days"`
	CreatedAt   time.Time             `json:"created_at"`
	// ReleasedAt is when a date's attendees get it (the date's list only).
	ReleasedAt *time.Time `json:"released_at,omitempty"`
}

func adminMaterialView(m model.Material) adminMaterialJSON {
	return adminMaterialJSON{ID: m.ID, SeminarID: m.SeminarID, DateID: m.DateID, Kind: m.Kind, Title: m.Title, URL: m.URL,
		FileName: m.FileName, ContentType: m.ContentType, Size: m.Size, SHA256: m.SHA256, Release: m.Release,
		ReleaseDays: m.ReleaseDays, CreatedAt: m.CreatedAt.UTC()}
}
