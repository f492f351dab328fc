package web

import "seminars/internal/model"

// uploadSlack is what a material upload's body carries besides the file: the form's other
// fields and the multipart headers, or the JSON around the base64 text.
const uploadSlack = 16 << 10

// uploadLimits are the body limits of the routes that take a material's file (DESIGN.md:
// uploads have their own limit on their routes; the global one stays small). A form may send a
// file up to twice the limit, so one somewhat too large gets the form's own message
// ("materials.error.file_too_large") instead of a bare 413; the API's base64 body is 4/3 of the
// file.
func uploadLimits(maxFile int64) map[string]int64 {
	form := 2*maxFile + uploadSlack
	api := (maxFile+2)/3*4 + uploadSlack
	return map[string]int64{
		"/admin/seminars/:id/materials":        form,
		"/admin/dates/:id/materials":           form,
		"/api/v1/admin/seminars/:id/materials": api,
		// A trainer's photo has its own, smaller limit (model.MaxTrainerPhotoBytes).
		"/admin/trainers/:id/photo": 2*model.MaxTrainerPhotoBytes + uploadSlack,
	}
}
