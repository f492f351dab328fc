package legal_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"seminars"
	"seminars/internal/legal"
)

func facts() legal.Facts {
	return legal.Facts{
		Seller:    legal.Seller{Name: "Muster GmbH", Address: "Allee 1, 10115 Berlin", Email: "info@muster.example"},
		Retention: legal.Retention{WaitlistMonths: 7, InquiryMonths: 13, MailDays: 45, BusinessLetterYears: 6, InvoiceYears: 8, SessionHours: 12},
		Stripe:    true,
	}
}

func TestDefaults(t *testing.T) {
	lib, err := legal.Load(seminars.Files, "", facts())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		page  legal.Page
		lang  string
		title string
		has   []string
	}{
		{"imprint de", legal.Imprint, "de", "Impressum", []string{"Muster GmbH", "§ 5"}},
		{"imprint en", legal.Imprint, "en", "Legal notice (Impressum)", []string{"Muster GmbH"}},
		{"privacy de shows the retention settings", legal.Privacy, "de", "Datenschutzhinweise",
			[]string{"7 Monate", "13 Monate", "45 Tage", "8 Jahre", "12 Stunden", "Stripe", "eigenständig verantwortlich", "Art. 15", "Warteliste", "Versandprotokoll", "<table>",
				"Art. 9 Abs. 2 lit. a DSGVO", "bis zum Ende des Termins"}},
		{"privacy en shows the retention settings", legal.Privacy, "en", "Privacy notice",
			[]string{"7 months", "13 months", "45 days", "8 years", "separate controller", "Art. 20",
				"Art. 9(2)(a) GDPR", "until the date has ended"}},
		{"terms de are B2B", legal.Terms, "de", "Teilnahmebedingungen", []string{"ausschließlich an Unternehmen", "zahlungspflichtig buchen"}},
		{"terms en are B2B", legal.Terms, "en", "Terms of participation", []string{"businesses only", "Book and pay"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, ok := lib.Document(tc.page, tc.lang)
			if !ok {
				t.Fatal("missing")
			}
			if doc.Title != tc.title {
				t.Errorf("title %q, want %q", doc.Title, tc.title)
			}
			for _, want := range tc.has {
				if !strings.Contains(string(doc.HTML), want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if strings.Contains(string(doc.HTML), "{{") {
				t.Error("a template field was not filled in")
			}
		})
	}
	if len(lib.Placeholders()) == 0 {
		t.Error("the defaults carry placeholders, but none were reported")
	}
	if v := lib.TermsVersion(); len(v) != 12 {
		t.Errorf("terms version %q", v)
	}
}

func TestOperatorFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("impressum.de.md", "# Impressum\n\n{{.Seller.Name}}, HRB 1234\n\n<script>alert(1)</script>\n\n<b onclick=x>fett</b>")
	write("teilnahmebedingungen.de.md", "# AGB\n\nNur für Unternehmen.")
	lib, err := legal.Load(seminars.Files, dir, facts())
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := lib.Document(legal.Imprint, "de")
	if !strings.Contains(string(doc.HTML), "Muster GmbH, HRB 1234") {
		t.Errorf("the operator's file was not used: %s", doc.HTML)
	}
	for _, bad := range []string{"<script", "onclick", "<b"} {
		if strings.Contains(string(doc.HTML), bad) {
			t.Errorf("raw HTML %q came through: %s", bad, doc.HTML)
		}
	}
	if len(doc.Placeholders) != 0 {
		t.Errorf("placeholders %v in a finished file", doc.Placeholders)
	}
	if en, _ := lib.Document(legal.Imprint, "en"); !strings.Contains(string(en.HTML), "[[") {
		t.Error("a file missing in the folder should fall back to the default")
	}
	defaults, err := legal.Load(seminars.Files, "", facts())
	if err != nil {
		t.Fatal(err)
	}
	if lib.TermsVersion() == defaults.TermsVersion() {
		t.Error("changed terms keep the same version")
	}

	write("datenschutz.de.md", "# Datenschutz\n\n{{.Unknown}}")
	if _, err := legal.Load(seminars.Files, dir, facts()); err == nil {
		t.Error("a field that does not exist should stop the start")
	}
}
