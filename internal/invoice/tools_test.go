package invoice_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
)

// requireTool finds an external checker (pdftotext, xmllint). Locally a missing tool skips the
// test; under CI=true, where .ci/run installs it, it fails.
func requireTool(t *testing.T, name, debianPackage string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI (Debian package %s)", name, debianPackage)
		}
		t.Skipf("%s not installed (apt-get install %s)", name, debianPackage)
	}
	return path
}

// pdfText extracts a PDF's text with pdftotext.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin := requireTool(t, "pdftotext", "poppler-utils")
	in := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	cmd := exec.Command(bin, "-enc", "UTF-8", in, "-")
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext: %v: %s", err, stderr.String())
	}
	return out.String()
}

func renderer(t testing.TB) *invoice.Renderer {
	t.Helper()
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return invoice.NewRenderer(catalog, berlin)
}
