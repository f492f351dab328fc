// Package einvoicetest checks e-invoices with the official rules in tests: the CEN EN 16931 and
// KoSIT XRechnung CII Schematron, compiled to XSLT and vendored under
// internal/invoice/testdata/schematron (see PROVENANCE.md there), run with Saxon HE.
package einvoicetest

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// Rule sets by file name under testdata/schematron.
const (
	EN16931   = "EN16931-CII-validation.xslt"
	XRechnung = "XRechnung-CII-validation.xsl"
)

// SaxonJar is where Debian's libsaxonhe-java installs Saxon HE.
const SaxonJar = "/usr/share/java/Saxon-HE.jar"

// Failure is one failed rule in an SVRL report: its id (BR-DE-1), flag, where and what.
type Failure struct {
	ID       string `xml:"id,attr"`
	Flag     string `xml:"flag,attr"`
	Location string `xml:"location,attr"`
	Text     string `xml:"http://purl.oclc.org/dsdl/svrl text"`
}

func (f Failure) String() string {
	return fmt.Sprintf("%s (%s): %s", f.ID, f.Flag, strings.Join(strings.Fields(f.Text), " "))
}

// blocking tells whether the failure rejects the document: fatal, error or unflagged; warnings
// and information are advice.
func (f Failure) blocking() bool { return f.Flag == "" || f.Flag == "fatal" || f.Flag == "error" }

type svrlReport struct {
	Failed   []Failure `xml:"http://purl.oclc.org/dsdl/svrl failed-assert"`
	Reported []Failure `xml:"http://purl.oclc.org/dsdl/svrl successful-report"`
}

// RequireSaxon returns the java binary, skipping the test where java or Saxon HE is missing
// locally and failing it under CI=true, where .ci/run installs them.
func RequireSaxon(t testing.TB) string {
	t.Helper()
	missing := func(what, pkg string) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI (Debian package %s)", what, pkg)
		}
		t.Skipf("%s not installed (apt-get install %s)", what, pkg)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		missing("java", "default-jre-headless")
	}
	if _, err := os.Stat(SaxonJar); err != nil {
		missing(SaxonJar, "libsaxonhe-java")
	}
	return java
}

// RulesDir is the folder of the vendored rule sets.
func RulesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "schematron")
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// Check runs one rule set (EN16931 or XRechnung) over every document (name → XML) in a single
// Java process, as Saxon transforms a whole directory, and returns each document's blocking
// failures by name; a document that passes has none.
func Check(t testing.TB, rules string, docs map[string][]byte) map[string][]Failure {
	t.Helper()
	java := RequireSaxon(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{}
	for name, doc := range docs {
		file := unsafeFileChars.ReplaceAllString(name, "_") + ".xml"
		if _, dup := files[file]; dup {
			t.Fatalf("two documents map to the file name %s", file)
		}
		files[file] = name
		if err := os.WriteFile(filepath.Join(in, file), doc, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var output bytes.Buffer
	cmd := exec.Command(java, "-cp", SaxonJar, "net.sf.saxon.Transform",
		"-s:"+in, "-xsl:"+filepath.Join(RulesDir(), rules), "-o:"+out)
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		t.Fatalf("saxon %s: %v\n%s", rules, err, output.String())
	}
	result := map[string][]Failure{}
	for file, name := range files {
		raw, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatalf("no SVRL for %s: %v", name, err)
		}
		var report svrlReport
		if err := xml.Unmarshal(raw, &report); err != nil {
			t.Fatalf("SVRL of %s: %v", name, err)
		}
		for _, f := range append(report.Failed, report.Reported...) {
			if f.blocking() {
				result[name] = append(result[name], f)
			}
		}
	}
	return result
}
