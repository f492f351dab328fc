package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// materialsScene is a seminar with two dates, an attendee on each, and three materials: a link
// for every date from three days before, a file of the first date after it, and a file of the
// second date from its first day.
type materialsScene struct {
	env                 *adminEnv
	date, second        model.SeminarDate
	anna, otto          model.Attendee
	annaRef             string
	link, after, others model.Material
	slides              []byte
}

func newMaterialsScene(t *testing.T, st *store.Store, clk *storetest.Clock) materialsScene {
	t.Helper()
	ctx := context.Background()
	env := newAdminEnvAt(t, st, clk)
	sc := materialsScene{env: env, slides: []byte("%PDF-1.4\n% Folien zum Seminar\n")}
	// Thursday 10 December 2026, 9:00 to 17:00 in Berlin; the second date a week later.
	sc.date = storetest.SeedDate(t, st, storetest.DateOptions{
		StartsAt: storetest.InBerlin(2026, 12, 10, 9, 0), EndsAt: storetest.InBerlin(2026, 12, 10, 17, 0)})
	sc.second = model.SeminarDate{StartsAt: storetest.InBerlin(2026, 12, 17, 9, 0), EndsAt: storetest.InBerlin(2026, 12, 17, 17, 0),
		Capacity: 10, Format: model.FormatOnline, OnlineURL: "https://meet.example.com/x", Status: model.DatePublished}
	if err := env.srv.office.CreateDate(ctx, "test", sc.date.SeminarID, &sc.second); err != nil {
		t.Fatal(err)
	}
	b := env.book(sc.date.ID, "Muster GmbH", "Anna Schmidt")
	sc.anna, sc.annaRef = b.Attendees[0], b.Reference
	sc.otto = env.book(sc.second.ID, "Andere AG", "Otto Weber").Attendees[0]
	add := func(dateID *uint, in model.MaterialInput) model.Material {
		m, err := env.srv.office.AddMaterial(ctx, "test", sc.date.SeminarID, dateID, in, env.srv.cfg.MaterialMaxBytes)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	sc.link = add(nil, model.MaterialInput{Title: "Checkliste vorab", Kind: model.MaterialLink, URL: "https://example.com/checkliste",
		Release: model.ReleaseBefore, ReleaseDays: 3})
	sc.after = add(&sc.date.ID, model.MaterialInput{Title: "Folien", Kind: model.MaterialFile, FileName: `C:\Users\trainer\Folien "final".pdf`,
		Data: sc.slides, Release: model.ReleaseAfter})
	sc.others = add(&sc.second.ID, model.MaterialInput{Title: "Nur Termin zwei", Kind: model.MaterialFile, FileName: "zwei.txt",
		Data: []byte("zwei"), Release: model.ReleaseBefore})
	return sc
}

func (sc materialsScene) page(a model.Attendee) string {
	return "/a/" + sc.env.srv.secrets.AttendeeToken(a.ID, a.SecretRotation)
}

func (sc materialsScene) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	return sc.env.browser().get(path)
}

// TestMaterialsReleasedToAttendees walks a fixed clock past a date, on SQLite and PostgreSQL:
// each material appears on the attendee page and can be downloaded from its release on (the
// link from 00:00 three days before, the file from the date's end), never before, never for
// the attendee of another date, and never once the booking is cancelled.
func TestMaterialsReleasedToAttendees(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		sc := newMaterialsScene(t, st, clk)
		page := sc.page(sc.anna)
		slides := fmt.Sprintf("%s/materials/%d", page, sc.after.ID)
		others := fmt.Sprintf("%s/materials/%d", page, sc.others.ID)
		steps := []struct {
			name      string
			at        time.Time
			want      []string // on the attendee page
			wantNot   []string
			slides    int // status of the slides' download
			othersFor int // status of the other date's file for Anna
		}{
			{"a week before", storetest.InBerlin(2026, 12, 3, 12, 0),
				[]string{"Checkliste vorab", "ab Mo., 7. Dezember 2026", "Folien", "ab Do., 10. Dezember 2026"}, []string{"https://example.com/checkliste", "Nur Termin zwei", slides}, 404, 404},
			{"a second before the link's release", storetest.InBerlin(2026, 12, 6, 23, 59).Add(59 * time.Second),
				[]string{"ab Mo., 7. Dezember 2026"}, []string{"https://example.com/checkliste"}, 404, 404},
			{"at the link's release, 00:00 three days before", storetest.InBerlin(2026, 12, 7, 0, 0),
				[]string{`href="https://example.com/checkliste"`}, []string{slides}, 404, 404},
			{"during the date", storetest.InBerlin(2026, 12, 10, 16, 59),
				[]string{"https://example.com/checkliste"}, []string{slides}, 404, 404},
			{"at the date's end", storetest.InBerlin(2026, 12, 10, 17, 0),
				[]string{slides, "Folien final.pdf"}, []string{"Nur Termin zwei"}, 200, 404},
		}
		for _, step := range steps {
			t.Run(step.name, func(t *testing.T) {
				clk.Set(step.at)
				res, body := sc.get(t, page)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("attendee page: status %d", res.StatusCode)
				}
				for _, w := range step.want {
					if !strings.Contains(body, w) {
						t.Errorf("attendee page lacks %q", w)
					}
				}
				for _, w := range step.wantNot {
					if strings.Contains(body, w) {
						t.Errorf("attendee page shows %q", w)
					}
				}
				if res, _ := sc.get(t, slides); res.StatusCode != step.slides {
					t.Errorf("slides: status %d, want %d", res.StatusCode, step.slides)
				}
				if res, _ := sc.get(t, others); res.StatusCode != step.othersFor {
					t.Errorf("the other date's file: status %d, want %d", res.StatusCode, step.othersFor)
				}
			})
		}

		t.Run("download headers and bytes", func(t *testing.T) {
			res, body := sc.get(t, slides)
			h := res.Header
			checks := map[string]string{
				"Content-Type":           "application/pdf",
				"Content-Disposition":    `attachment; filename="Folien final.pdf"`,
				"X-Content-Type-Options": "nosniff",
				"Cache-Control":          "no-store",
			}
			for name, want := range checks {
				if got := h.Get(name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			if !strings.HasPrefix(h.Get("Content-Security-Policy"), "sandbox") {
				t.Errorf("Content-Security-Policy = %q, want a sandbox", h.Get("Content-Security-Policy"))
			}
			if body != string(sc.slides) {
				t.Errorf("downloaded %q, want the uploaded bytes", body)
			}
		})

		t.Run("the other date's attendee gets their own file, not the first date's", func(t *testing.T) {
			clk.Set(storetest.InBerlin(2026, 12, 17, 0, 0)) // the second date's first day
			otto := sc.page(sc.otto)
			if res, _ := sc.get(t, fmt.Sprintf("%s/materials/%d", otto, sc.others.ID)); res.StatusCode != http.StatusOK {
				t.Errorf("own file: status %d", res.StatusCode)
			}
			if res, _ := sc.get(t, fmt.Sprintf("%s/materials/%d", otto, sc.after.ID)); res.StatusCode != http.StatusNotFound {
				t.Errorf("the first date's file: status %d, want 404", res.StatusCode)
			}
		})

		t.Run("a wrong token and a link item are not found", func(t *testing.T) {
			for _, path := range []string{
				fmt.Sprintf("/a/x%s/materials/%d", page[3:], sc.after.ID),
				fmt.Sprintf("%s/materials/%d", page, sc.link.ID),
				page + "/materials/99999",
			} {
				if res, _ := sc.get(t, path); res.StatusCode != http.StatusNotFound {
					t.Errorf("%s: status %d, want 404", path, res.StatusCode)
				}
			}
		})

		t.Run("the admin API tells when each is released for a date", func(t *testing.T) {
			status, body := sc.env.api(http.MethodGet, fmt.Sprintf("/api/v1/admin/dates/%d/materials", sc.date.ID), sc.env.token(model.RoleAssistant), "")
			for _, want := range []string{`"released_at":"2026-12-06T23:00:00Z"`, `"released_at":"2026-12-10T16:00:00Z"`, `"file_name":"Folien final.pdf"`} {
				if status != http.StatusOK || !strings.Contains(body, want) {
					t.Errorf("status %d, body lacks %s: %.500s", status, want, body)
				}
			}
			if strings.Contains(body, "Nur Termin zwei") {
				t.Error("the first date's list has the second date's material")
			}
		})

		t.Run("a cancelled booking gets nothing", func(t *testing.T) {
			if _, err := sc.env.srv.office.CancelBooking(context.Background(), "test", sc.annaRef); err != nil {
				t.Fatal(err)
			}
			if res, _ := sc.get(t, slides); res.StatusCode != http.StatusNotFound {
				t.Errorf("slides after cancelling: status %d, want 404", res.StatusCode)
			}
			if _, body := sc.get(t, page); strings.Contains(body, "Checkliste vorab") {
				t.Error("the cancelled attendee's page still lists the materials")
			}
		})
	})
}

// multipartMaterial is the back office's material form with a file.
func multipartMaterial(t *testing.T, csrf string, fields map[string]string, fileName string, data []byte) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("_csrf", csrf)
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	if fileName != "" {
		fw, err := w.CreateFormFile("file", fileName)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = fw.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.FormDataContentType(), &buf
}

// TestAdminMaterialForms uploads, adds a link and deletes through the back office's pages, on
// SQLite and PostgreSQL; an empty file, one above material_max_bytes and a bad link are refused
// with a message in the form and store nothing.
func TestAdminMaterialForms(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvAt(t, st, clk)
		d := storetest.SeedDate(t, st, storetest.DateOptions{
			StartsAt: storetest.InBerlin(2026, 12, 10, 9, 0), EndsAt: storetest.InBerlin(2026, 12, 10, 17, 0)})
		b := env.signedIn("assistant@example.com") // materials are no money: assistants manage them
		datePage := fmt.Sprintf("/admin/dates/%d/materials", d.ID)
		seminarPage := fmt.Sprintf("/admin/seminars/%d/materials", d.SeminarID)
		limit := int(env.srv.cfg.MaterialMaxBytes)
		cases := []struct {
			name     string
			page     string
			fields   map[string]string
			file     string
			data     []byte
			want     int
			wantText string
		}{
			{"empty file", datePage, map[string]string{"kind": "file", "title": "Leer", "release": "after"}, "leer.pdf", nil, 422, "nicht leer"},
			{"no file at all", datePage, map[string]string{"kind": "file", "title": "Ohne", "release": "after"}, "", nil, 422, "nicht leer"},
			{"one byte over the limit", datePage, map[string]string{"kind": "file", "title": "Groß", "release": "after"}, "gross.pdf",
				bytes.Repeat([]byte("x"), limit+1), 422, "höchstens 32 KB"},
			{"far over the limit", datePage, map[string]string{"kind": "file", "title": "Riesig", "release": "after"}, "riesig.pdf",
				bytes.Repeat([]byte("x"), 3*limit), 413, "zu groß"},
			{"no title", datePage, map[string]string{"kind": "file", "title": "", "release": "after"}, "a.pdf", []byte("x"), 422, "Titel"},
			{"a link that is no web address", seminarPage, map[string]string{"kind": "link", "title": "Link", "url": "ftp://x", "release": "before"}, "", nil, 422, "https://"},
			{"days not a number", seminarPage, map[string]string{"kind": "link", "title": "Link", "url": "https://example.com", "release": "before", "release_days": "drei"}, "", nil, 422, "0 bis 365"},
			{"days out of range", seminarPage, map[string]string{"kind": "link", "title": "Link", "url": "https://example.com", "release": "before", "release_days": "999"}, "", nil, 422, "0 bis 365"},
			{"a file for the date", datePage, map[string]string{"kind": "file", "title": "Handout", "release": "after"}, "handout.pdf",
				bytes.Repeat([]byte("y"), limit), 303, ""},
			{"a link for every date", seminarPage, map[string]string{"kind": "link", "title": "Leseliste", "url": "https://example.com/lesen", "release": "before", "release_days": "5"}, "", nil, 303, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before, err := st.RowCounts(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				ct, body := multipartMaterial(t, b.csrf(c.page), c.fields, c.file, c.data)
				req, _ := http.NewRequest(http.MethodPost, env.http.URL+c.page, body)
				req.Header.Set("Content-Type", ct)
				res, page := b.do(req)
				if res.StatusCode != c.want {
					t.Fatalf("status %d, want %d: %.300s", res.StatusCode, c.want, page)
				}
				if c.wantText != "" && !strings.Contains(page, c.wantText) {
					t.Errorf("page lacks %q", c.wantText)
				}
				after, err := st.RowCounts(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if stored := after["materials"] != before["materials"]; stored != (c.want == 303) {
					t.Errorf("materials %d → %d", before["materials"], after["materials"])
				}
			})
		}

		items, err := st.MaterialsOfSeminar(context.Background(), d.SeminarID)
		if err != nil || len(items) != 2 {
			t.Fatalf("materials %v, %v; want the handout and the reading list", items, err)
		}
		res, page := b.get(datePage)
		for _, want := range []string{"Handout", "handout.pdf", "Leseliste", "5 Tage vor dem Termin", "alle Termine", "ab Sa., 5. Dezember 2026", "ab Do., 10. Dezember 2026"} {
			if res.StatusCode != http.StatusOK || !strings.Contains(page, want) {
				t.Errorf("date page (status %d) lacks %q", res.StatusCode, want)
			}
		}
		if res, body := b.get(fmt.Sprintf("/admin/materials/%d/file", items[0].ID)); res.StatusCode != 200 || len(body) != limit {
			t.Errorf("staff download: status %d, %d bytes", res.StatusCode, len(body))
		}
		res, _ = b.post(datePage, fmt.Sprintf("/admin/materials/%d/delete", items[0].ID), map[string][]string{"date": {fmt.Sprint(d.ID)}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != datePage+"?done=deleted" {
			t.Fatalf("delete: status %d to %s", res.StatusCode, res.Header.Get("Location"))
		}
		counts, _ := st.RowCounts(context.Background())
		if counts["materials"] != 1 || counts["material_contents"] != 0 {
			t.Errorf("after delete: %d materials, %d files; want the link alone", counts["materials"], counts["material_contents"])
		}
	})
}

// TestAttachmentDisposition: ASCII names go as they are, others in RFC 2231 form, so a
// download keeps its umlauts without breaking the header.
func TestAttachmentDisposition(t *testing.T) {
	cases := map[string]string{
		"folien.pdf":       `attachment; filename=folien.pdf`,
		"Folien final.pdf": `attachment; filename="Folien final.pdf"`,
		"Übersicht.pdf":    `attachment; filename*=utf-8''%C3%9Cbersicht.pdf`,
		"📊 Zahlen.xlsx":    `attachment; filename*=utf-8''%F0%9F%93%8A%20Zahlen.xlsx`,
	}
	for name, want := range cases {
		if got := attachmentDisposition(name); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}
