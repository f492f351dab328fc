package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
)

// apiAdminDateList is GET /api/v1/admin/seminars/{id}/dates: all dates of a seminar, any status.
func (s *Server) apiAdminDateList(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	sem, err := s.store.SeminarByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	out := []adminDateJSON{}
	for _, d := range sem.Dates {
		out = append(out, s.adminDateView(d))
	}
	return c.JSON(http.StatusOK, map[string]any{"dates": out})
}

// pathID reads a numeric id from the path; anything else is not found.
func pathID(c echo.Context, name string) (uint, error) {
	id, err := model.ParseID(name, c.Param(name))
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", name, c.Param(name), model.ErrNotFound)
	}
	return id, nil
}
