package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminSeminarMaterialCreate is POST /admin/seminars/{id}/materials: a file (multipart upload)
// or a link for the attendees of every date of the seminar.
func (s *Server) adminSeminarMaterialCreate(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	return s.createMaterial(c, sem, nil)
}

// adminDateMaterialCreate is POST /admin/dates/{id}/materials: a file or link for the
// attendees of one date.
func (s *Server) adminDateMaterialCreate(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	return s.createMaterial(c, *d.Seminar, &d)
}

// createMaterial reads the material form, stores the material through the back office and
// redirects to the list; a mistake (no title, an empty or too large file, a bad link) shows the
// page again with what was typed and stores nothing.
func (s *Server) createMaterial(c echo.Context, sem model.Seminar, d *model.SeminarDate) error {
	f := materialForm{Kind: c.FormValue("kind"), Title: c.FormValue("title"), URL: c.FormValue("url"),
		Release: c.FormValue("release"), ReleaseDays: strings.TrimSpace(c.FormValue("release_days"))}
	in := model.MaterialInput{Title: f.Title, Kind: model.MaterialKind(f.Kind), URL: f.URL, Release: model.MaterialRelease(f.Release)}
	if f.ReleaseDays == "" {
		f.ReleaseDays = "0"
	}
	days, err := strconv.Atoi(f.ReleaseDays)
	if err != nil {
		days = -1 // not a number: refused by the rule with the other mistakes
	}
	in.ReleaseDays = days
	if in.Kind == model.MaterialFile {
		if in.FileName, in.Data, err = s.uploadedFile(c); err != nil {
			return err
		}
	}
	var dateID *uint
	if d != nil {
		dateID = &d.ID
	}
	_, err = s.office.AddMaterial(c.Request().Context(), actor(c), sem.ID, dateID, in, s.cfg.MaterialMaxBytes)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderMaterials(c, http.StatusUnprocessableEntity, sem, d, f, s.materialMessages(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	back := "/admin/seminars/" + strconv.FormatUint(uint64(sem.ID), 10) + "/materials?done=added"
	if d != nil {
		back = "/admin/dates/" + strconv.FormatUint(uint64(d.ID), 10) + "/materials?done=added"
	}
	return redirect(c, back)
}

// uploadedFile reads the form's file, at most one byte more than the limit (enough to tell that
// it is too large). No file at all is an empty one, which NewMaterial refuses.
func (s *Server) uploadedFile(c echo.Context) (string, []byte, error) {
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return "", nil, nil
	}
	if err != nil {
		return "", nil, formReadError(err)
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.MaterialMaxBytes+1))
	return fh.Filename, data, err
}
