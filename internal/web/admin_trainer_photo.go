package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// adminTrainerPhotoUpdate is POST /admin/trainers/{id}/photo: a multipart upload of the
// trainer's photo (field "photo"; JPEG, PNG or WebP up to 2 MiB, on a route with its own body
// limit). A mistake shows the form again with the message and changes nothing.
func (s *Server) adminTrainerPhotoUpdate(c echo.Context) error {
	r, err := s.adminTrainer(c)
	if err != nil {
		return err
	}
	data, err := s.uploadedPhoto(c)
	if err != nil {
		return err
	}
	err = s.office.SetTrainerPhoto(c.Request().Context(), actor(c), r.ID, data)
	var invalid *model.ValidationError
	if errors.As(err, &invalid) {
		return s.renderTrainerForm(c, http.StatusUnprocessableEntity, r, form.TrainerOf(r), s.translate(c, invalid.Fields))
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/trainers/%d", r.ID))
}

// adminTrainerPhotoDelete is POST /admin/trainers/{id}/photo/delete: the pages go back to the
// photo path, if any.
func (s *Server) adminTrainerPhotoDelete(c echo.Context) error {
	r, err := s.adminTrainer(c)
	if err != nil {
		return err
	}
	if err := s.office.DeleteTrainerPhoto(c.Request().Context(), actor(c), r.ID); err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/admin/trainers/%d", r.ID))
}

// uploadedPhoto reads the form's photo, at most one byte more than the limit (enough to tell
// that it is too large). No file at all reads as empty, which SetTrainerPhoto refuses.
func (s *Server) uploadedPhoto(c echo.Context) ([]byte, error) {
	fh, err := c.FormFile("photo")
	if errors.Is(err, http.ErrMissingFile) {
		return nil, nil
	}
	if err != nil {
		return nil, formReadError(err)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, model.MaxTrainerPhotoBytes+1))
}
