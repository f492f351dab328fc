package web

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// postPhoto sends the trainer page's photo form with data as the file (nil sends no file).
func (b *adminBrowser) postPhoto(page, path string, data []byte) (*http.Response, string) {
	b.env.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", b.csrf(page))
	if data != nil {
		part, _ := w.CreateFormFile("photo", "portrait.png")
		_, _ = part.Write(data)
	}
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, b.env.http.URL+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return b.do(req)
}

// TestAdminTrainerPhotoUpload: an assistant uploads a trainer's photo on the trainer's page; the
// seminar page shows it from /trainers/{id}/photo with its version; a file too large, not an
// image, SVG, or missing is refused with a message and changes nothing; a body far over the
// route's own limit is 413; removing the photo goes back to none.
func TestAdminTrainerPhotoUpload(t *testing.T) {
	env := newAdminEnv(t)
	ctx := context.Background()
	date := storetest.SeedDate(t, env.st, storetest.DateOptions{Capacity: 10})
	tr := model.Trainer{Name: "Jana Brandt"}
	if err := env.srv.office.CreateTrainer(ctx, "test", &tr); err != nil {
		t.Fatal(err)
	}
	date.Trainers = []model.Trainer{{ID: tr.ID}}
	if err := env.srv.office.UpdateDate(ctx, "test", date); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var portrait bytes.Buffer
	if err := png.Encode(&portrait, img); err != nil {
		t.Fatal(err)
	}
	tooLarge := append(append([]byte{}, portrait.Bytes()...), make([]byte, model.MaxTrainerPhotoBytes)...)
	assistant := env.signedIn("assistant@example.com")
	page := fmt.Sprintf("/admin/trainers/%d", tr.ID)
	photo := fmt.Sprintf("/trainers/%d/photo", tr.ID)
	cases := []struct {
		name       string
		data       []byte
		wantStatus int
		want       string
	}{
		{"no file", nil, http.StatusUnprocessableEntity, "Bitte eine Bilddatei wählen"},
		{"not an image", []byte("hello, this is text"), http.StatusUnprocessableEntity, "JPEG, PNG oder WebP"},
		{"SVG can carry script", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), http.StatusUnprocessableEntity, "JPEG, PNG oder WebP"},
		{"over 2 MB", tooLarge, http.StatusUnprocessableEntity, "größer als 2 MB"},
		{"far over the route's limit", make([]byte, 5<<20), http.StatusRequestEntityTooLarge, ""},
		{"a PNG portrait", portrait.Bytes(), http.StatusSeeOther, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := assistant.postPhoto(page, page+"/photo", c.data)
			if res.StatusCode != c.wantStatus || !strings.Contains(body, c.want) {
				t.Fatalf("status %d, want %d with %q\n%s", res.StatusCode, c.wantStatus, c.want, excerpt(body))
			}
			stored, err := env.st.TrainerByID(ctx, tr.ID)
			if err != nil {
				t.Fatal(err)
			}
			if wantVersion := map[bool]int{true: 1, false: 0}[c.wantStatus == http.StatusSeeOther]; stored.PhotoVersion != wantVersion {
				t.Fatalf("photo version %d, want %d", stored.PhotoVersion, wantVersion)
			}
		})
	}
	res, body := assistant.get(photo + "?v=1")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" || body != portrait.String() ||
		res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("photo: %d %s %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(body))
	}
	for _, path := range []string{"/seminars/" + date.Seminar.Slug, "/en/seminars/" + date.Seminar.Slug} {
		if _, body := assistant.get(path); !strings.Contains(body, `src="`+photo+`?v=1"`) {
			t.Fatalf("%s does not show the uploaded photo\n%s", path, excerpt(body))
		}
	}
	if res, _ := assistant.post(page, page+"/photo/delete", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove photo: %d", res.StatusCode)
	}
	if res, _ := assistant.get(photo + "?v=1"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("removed photo answers %d, want 404", res.StatusCode)
	}
}
