package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnuDir holds the W3C Nu HTML validator as a test-only npm package (vnu-jar, run with Java).
const vnuDir = "testdata/vnu"

// vnuJar returns the validator's jar, installing it with `npm ci` when it is missing outside CI.
// Without Java the test is skipped (it fails under CI, where .ci/run installs Java and the jar).
func vnuJar(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("java"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("java is required under CI for the W3C Nu HTML validator")
		}
		t.Skip("java is not installed: the W3C Nu HTML validator (vnu.jar) cannot run")
	}
	jar := filepath.Join(vnuDir, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	if _, err := os.Stat(jar); err == nil {
		return jar
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing: run `npm ci --prefix internal/web/%s` before the tests", jar, vnuDir)
	}
	if out, err := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--prefix", vnuDir).CombinedOutput(); err != nil {
		t.Fatalf("npm ci --prefix internal/web/%s: %v\n%s", vnuDir, err, out)
	}
	return jar
}

// TestHTMLValid runs the W3C Nu HTML validator over the main pages, as served (public pages,
// the booking form sent empty, the signed-in back office): no errors.
func TestHTMLValid(t *testing.T) {
	jar := vnuJar(t)
	s := newPageSite(t)
	c := client(t)
	dir := t.TempDir()
	save := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name+".html"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	get := func(p sitePage) string {
		t.Helper()
		status, body, _ := do(t, c, http.MethodGet, s.ts.URL+p.path, "", "")
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d", p.path, status)
		}
		return body
	}
	pages := s.mainPages()
	for _, p := range pages {
		if !p.admin {
			save(p.name, get(p))
		}
	}
	form := get(pages[3])
	status, body, _ := do(t, c, http.MethodPost, s.ts.URL+pages[3].path, "application/x-www-form-urlencoded",
		url.Values{"_csrf": {csrfToken(t, form)}, "attendee_count": {"1"}, "action": {"book"}}.Encode())
	if status != http.StatusUnprocessableEntity && status != http.StatusOK || !strings.Contains(body, "error-summary") {
		t.Fatalf("the empty booking form: %d %.300s", status, body)
	}
	save("booking-errors", body)

	login := get(sitePage{path: "/admin/login"})
	status, _, _ = do(t, c, http.MethodPost, s.ts.URL+"/admin/login", "application/x-www-form-urlencoded",
		url.Values{"_csrf": {csrfToken(t, login)}, "email": {pageOwner}, "password": {pagePassword}}.Encode())
	if status != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", status)
	}
	for _, p := range pages {
		if p.admin {
			save(p.name, get(p))
		}
	}

	files, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	out, err := exec.Command("java", append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...).CombinedOutput()
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine                    int
		}
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("the validator's answer (%v): %v\n%s", err, jerr, out)
	}
	for _, m := range report.Messages {
		t.Errorf("%s:%d: %s: %s — %q", filepath.Base(m.URL), m.LastLine, m.Type, m.Message, m.Extract)
	}
	if err != nil && len(report.Messages) == 0 {
		t.Fatalf("the validator failed: %v\n%s", err, out)
	}
}
