package mail

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Calendar files are checked with parsers the service does not share code with: npm ical.js
// (the parser of Thunderbird, and the only one at hand that decodes RFC 6868) and Debian's
// python3-icalendar 4.0.3 (which does not decode RFC 6868, so it reads only names without
// '"', '^' and line breaks). Locally a parser that is missing is installed (ical.js, with
// `npm ci`) or its checks are skipped with a message; with CI=true a missing parser fails.

// ParsedCalendar is what an outside parser read from an .ics file.
type ParsedCalendar struct {
	Method string        `json:"method"`
	Events []ParsedEvent `json:"events"`
}

// ParsedEvent is one VEVENT as an outside parser read it.
type ParsedEvent struct {
	UID         string         `json:"uid"`
	Sequence    int            `json:"sequence"`
	Status      string         `json:"status"`
	DTStart     string         `json:"dtstart"`
	DTEnd       string         `json:"dtend"`
	Summary     string         `json:"summary"`
	Location    string         `json:"location"`
	Description string         `json:"description"`
	Organizer   *ParsedPerson  `json:"organizer"`
	Attendees   []ParsedPerson `json:"attendees"`
}

// ParsedPerson is an ORGANIZER or ATTENDEE: the CN parameter and the mailto: address.
type ParsedPerson struct {
	CN      string `json:"cn"`
	Address string `json:"address"`
}

var icalJSSetup struct {
	once sync.Once
	err  string // why ical.js cannot run, "" when it can
}

// icalJSDir is testdata/icaljs next to this file (tests run in the package directory).
const icalJSDir = "testdata/icaljs"

// ICALJSReady reports whether ical.js can run, installing it with `npm ci` when node_modules is
// missing. The reason is "" when it is ready.
func ICALJSReady() string {
	icalJSSetup.once.Do(func() {
		if _, err := exec.LookPath("node"); err != nil {
			icalJSSetup.err = "node is not installed"
			return
		}
		if _, err := os.Stat(filepath.Join(icalJSDir, "node_modules", "ical.js", "package.json")); err == nil {
			return
		}
		if os.Getenv("CI") == "true" {
			icalJSSetup.err = "ical.js is not installed: run `npm ci --prefix internal/mail/testdata/icaljs` before the tests"
			return
		}
		out, err := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--prefix", icalJSDir).CombinedOutput()
		if err != nil {
			icalJSSetup.err = "npm ci --prefix internal/mail/testdata/icaljs failed: " + err.Error() + "\n" + string(out)
		}
	})
	return icalJSSetup.err
}

// needParser fails (under CI) or skips the test when an outside parser cannot run.
func needParser(t testing.TB, reason string) {
	t.Helper()
	if reason == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("calendar parser missing under CI: %s", reason)
	}
	t.Skipf("calendar parser missing, skipping its checks: %s", reason)
}

// ParseWithICALJS parses an .ics file with ical.js.
func ParseWithICALJS(t testing.TB, ics string) ParsedCalendar {
	t.Helper()
	needParser(t, ICALJSReady())
	return runParser(t, ics, "node", filepath.Join(icalJSDir, "parse.mjs"))
}

// pythonICalendarReady reports why Debian's python3-icalendar cannot run, "" when it can.
func pythonICalendarReady() string {
	// /usr/bin/python3 is Debian's interpreter, which sees the python3-icalendar package (a
	// python3 on PATH from pyenv or a venv does not).
	if err := exec.Command("/usr/bin/python3", "-c", "import icalendar").Run(); err != nil {
		return "Debian's python3-icalendar is not installed (apt-get install -y python3-icalendar)"
	}
	return ""
}

// ParseWithPythonICalendar parses an .ics file with Debian's python3-icalendar.
func ParseWithPythonICalendar(t testing.TB, ics string) ParsedCalendar {
	t.Helper()
	needParser(t, pythonICalendarReady())
	return runParser(t, ics, "/usr/bin/python3", filepath.Join("testdata", "pyical", "parse.py"))
}

func runParser(t testing.TB, ics, name string, args ...string) ParsedCalendar {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = strings.NewReader(ics)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s could not parse the calendar: %v\n%s\n%s", name, err, stderr.String(), ics)
	}
	var p ParsedCalendar
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("%s output %q: %v", name, out, err)
	}
	return p
}
