package web

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"seminars/internal/model"
	"seminars/internal/store/storetest"
)

// materialConformanceCases are the admin API's material operations for TestOpenAPIConformance,
// on a seminar of their own: list, add a link and a file (for every date and for one), the
// refusals, and delete.
func materialConformanceCases(t *testing.T, env *adminEnv) []apiCase {
	t.Helper()
	d := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	other := storetest.SeedDate(t, env.st, storetest.DateOptions{})
	doomed, err := env.srv.office.AddMaterial(context.Background(), "test", d.SeminarID, nil,
		model.MaterialInput{Title: "Alt", Kind: model.MaterialLink, URL: "https://example.com/alt", Release: model.ReleaseAfter}, 1024)
	if err != nil {
		t.Fatal(err)
	}
	get, post, del := http.MethodGet, http.MethodPost, http.MethodDelete
	list := fmt.Sprintf("/admin/seminars/%d/materials", d.SeminarID)
	pdf := base64.StdEncoding.EncodeToString([]byte("%PDF-1.4\n% Folien\n"))
	tooLarge := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("x", int(env.srv.cfg.MaterialMaxBytes)+1)))
	return []apiCase{
		{op: "listMaterials", name: "of a seminar", method: get, path: list, as: asAssistant, want: 200},
		{op: "listMaterials", name: "unknown seminar", method: get, path: "/admin/seminars/99999/materials", as: asAssistant, want: 404},
		{op: "createMaterial", name: "a link for every date", method: post, path: list, as: asAssistant,
			body: `{"title":"Checkliste","kind":"link","url":"https://example.com/check","release":"before","release_days":7}`, want: 201},
		{op: "createMaterial", name: "a file for one date", method: post, path: list, as: asOwner,
			body: fmt.Sprintf(`{"title":"Folien","kind":"file","file_name":"folien.pdf","content_base64":%q,"release":"after","date_id":%d}`, pdf, d.ID), want: 201},
		{op: "createMaterial", name: "empty file", method: post, path: list, as: asOwner,
			body: `{"title":"Leer","kind":"file","file_name":"leer.pdf","content_base64":"","release":"after"}`, want: 422},
		{op: "createMaterial", name: "file over the limit", method: post, path: list, as: asOwner,
			body: fmt.Sprintf(`{"title":"Groß","kind":"file","file_name":"gross.pdf","content_base64":%q,"release":"after"}`, tooLarge), want: 422},
		{op: "createMaterial", name: "date of another seminar", method: post, path: list, as: asOwner,
			body: fmt.Sprintf(`{"title":"Fremd","kind":"link","url":"https://example.com/","release":"after","date_id":%d}`, other.ID), want: 422},
		{op: "createMaterial", name: "not a web address", method: post, path: list, as: asOwner,
			body: `{"title":"Datei","kind":"link","url":"javascript:alert(1)","release":"after"}`, want: 422},
		{op: "createMaterial", name: "unknown seminar", method: post, path: "/admin/seminars/99999/materials", as: asOwner,
			body: `{"title":"X","kind":"link","url":"https://example.com/","release":"after"}`, want: 404},
		{op: "listDateMaterials", name: "of a date", method: get, path: fmt.Sprintf("/admin/dates/%d/materials", d.ID), as: asAssistant, want: 200},
		{op: "listDateMaterials", name: "unknown date", method: get, path: "/admin/dates/99999/materials", as: asAssistant, want: 404},
		{op: "deleteMaterial", name: "found", method: del, path: fmt.Sprintf("/admin/materials/%d", doomed.ID), as: asAssistant, want: 204},
		{op: "deleteMaterial", name: "unknown", method: del, path: "/admin/materials/99999", as: asAssistant, want: 404},
	}
}
