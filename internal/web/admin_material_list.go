package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// adminSeminarMaterialList is GET /admin/seminars/{id}/materials: every file and link of the
// seminar — for all its dates and for single ones — with the form for one for all dates.
func (s *Server) adminSeminarMaterialList(c echo.Context) error {
	sem, err := s.adminSeminar(c)
	if err != nil {
		return err
	}
	return s.renderMaterials(c, http.StatusOK, sem, nil, defaultMaterialForm(), nil)
}

// adminDateMaterialList is GET /admin/dates/{id}/materials: what the date's attendees get —
// the seminar's materials for all dates and the date's own — with when each is released for
// this date, and the form for one of this date only.
func (s *Server) adminDateMaterialList(c echo.Context) error {
	d, err := s.adminDate(c)
	if err != nil {
		return err
	}
	return s.renderMaterials(c, http.StatusOK, *d.Seminar, &d, defaultMaterialForm(), nil)
}

func defaultMaterialForm() materialForm {
	return materialForm{Kind: string(model.MaterialFile), Release: string(model.ReleaseBefore), ReleaseDays: "0"}
}

func (s *Server) renderMaterials(c echo.Context, status int, sem model.Seminar, d *model.SeminarDate, f materialForm, errs map[string]string) error {
	ctx := c.Request().Context()
	t := s.i18n.For(language(c))
	data := materialsPageData{Seminar: sem, Date: d, Form: f, MaxSize: byteSize(s.cfg.MaterialMaxBytes, t.Lang), Notice: c.QueryParam("done"),
		Action: "/admin/seminars/" + strconv.FormatUint(uint64(sem.ID), 10) + "/materials"}
	var items []model.Material
	var err error
	if d != nil {
		data.Action = "/admin/dates/" + strconv.FormatUint(uint64(d.ID), 10) + "/materials"
		items, err = s.store.MaterialsForDate(ctx, *d)
	} else {
		items, err = s.store.MaterialsOfSeminar(ctx, sem.ID)
	}
	if err != nil {
		return err
	}
	full, err := s.store.SeminarByID(ctx, sem.ID) // with its dates, to name a material's date
	if err != nil {
		return err
	}
	data.Seminar = full
	byID := map[uint]*model.SeminarDate{}
	for i := range full.Dates {
		byID[full.Dates[i].ID] = &full.Dates[i]
	}
	for _, m := range items {
		row := materialRow{Material: m, SizeText: byteSize(m.Size, t.Lang)}
		if m.DateID != nil {
			row.Date = byID[*m.DateID]
		}
		if d != nil {
			at := m.ReleasedAt(*d, s.cfg.Location)
			row.ReleasedAt = &at
		}
		data.Items = append(data.Items, row)
	}
	title := t.T("materials.title", "Seminar", sem.Title(t.Lang))
	return s.render(c, status, pageAdminMaterials, title, data, errs)
}
