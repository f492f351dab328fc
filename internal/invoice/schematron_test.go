package invoice_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The official rule sets, compiled to XSLT (see testdata/schematron/PROVENANCE.md).
const (
	rulesEN16931   = "testdata/schematron/EN16931-CII-validation.xslt"
	rulesXRechnung = "testdata/schematron/XRechnung-CII-validation.xsl"
	saxonJar       = "/usr/share/java/Saxon-HE.jar"
)

// ruleFailure is one failed rule in an SVRL report: its id (BR-DE-1), flag, where and what.
type ruleFailure struct {
	ID       string `xml:"id,attr"`
	Flag     string `xml:"flag,attr"`
	Location string `xml:"location,attr"`
	Text     string `xml:"http://purl.oclc.org/dsdl/svrl text"`
}

func (f ruleFailure) String() string {
	return fmt.Sprintf("%s (%s): %s", f.ID, f.Flag, strings.Join(strings.Fields(f.Text), " "))
}

// blocking tells whether the failure rejects the document: fatal, error or unflagged; warnings
// and information are advice.
func (f ruleFailure) blocking() bool { return f.Flag == "" || f.Flag == "fatal" || f.Flag == "error" }

type svrlReport struct {
	Failed   []ruleFailure `xml:"http://purl.oclc.org/dsdl/svrl failed-assert"`
	Reported []ruleFailure `xml:"http://purl.oclc.org/dsdl/svrl successful-report"`
}

// requireSaxon finds java and Saxon HE; like requireTool it skips locally and fails under CI.
func requireSaxon(t *testing.T) string {
	t.Helper()
	java := requireTool(t, "java", "default-jre-headless")
	if _, err := os.Stat(saxonJar); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI (Debian package libsaxonhe-java)", saxonJar)
		}
		t.Skipf("%s not installed (apt-get install libsaxonhe-java)", saxonJar)
	}
	return java
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// checkRules runs one rule set over every document in a single Java process (Saxon transforms a
// whole directory) and returns each document's blocking failures by name.
func checkRules(t *testing.T, rules string, docs map[string][]byte) map[string][]ruleFailure {
	t.Helper()
	java := requireSaxon(t)
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
	var stderr bytes.Buffer
	cmd := exec.Command(java, "-cp", saxonJar, "net.sf.saxon.Transform", "-s:"+in, "-xsl:"+rules, "-o:"+out)
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("saxon %s: %v\n%s", rules, err, stderr.String())
	}
	result := map[string][]ruleFailure{}
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

// TestRuleSetsFire proves the rules reject what they should, so a pass below means something:
// CEN's own example passes EN 16931 but fails XRechnung (no Leitweg-ID, no seller contact).
func TestRuleSetsFire(t *testing.T) {
	example, err := os.ReadFile("testdata/schematron/selftest/CII_example1.xml")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{"cen-example": example}
	if got := checkRules(t, rulesEN16931, docs); len(got["cen-example"]) != 0 {
		t.Errorf("EN 16931 failures on CEN's example: %v", got["cen-example"])
	}
	ids := map[string]bool{}
	for _, f := range checkRules(t, rulesXRechnung, docs)["cen-example"] {
		ids[f.ID] = true
	}
	for _, want := range []string{"BR-DE-15", "BR-DE-2"} {
		if !ids[want] {
			t.Errorf("XRechnung rules did not report %s on CEN's example (got %v)", want, ids)
		}
	}
}
