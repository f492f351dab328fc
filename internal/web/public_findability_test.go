package web

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// sitemapDoc is what the test reads back from /sitemap.xml, namespaces included.
type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

func TestSitemap(t *testing.T) {
	env := newPublicEnv(t)
	base := env.srv.cfg.BaseURL
	res, body := env.visitor().get("/sitemap.xml")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/xml") {
		t.Fatalf("%d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if path, err := exec.LookPath("xmllint"); err == nil {
		file := filepath.Join(t.TempDir(), "sitemap.xml")
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(path, "--noout", file).CombinedOutput(); err != nil {
			t.Fatalf("xmllint: %v\n%s", err, out)
		}
	}
	var doc sitemapDoc
	if err := xml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("not a sitemap: %v", err)
	}
	if len(doc.URLs) > 50000 || len(body) > 50<<20 {
		t.Fatal("a sitemap holds at most 50,000 URLs and 50 MB")
	}
	locs := map[string]bool{}
	for _, u := range doc.URLs {
		locs[u.Loc] = true
		if parsed, err := url.Parse(u.Loc); err != nil || !parsed.IsAbs() || !strings.HasPrefix(u.Loc, base) {
			t.Errorf("loc %q is not an absolute URL of the site", u.Loc)
		}
		if u.LastMod != "" {
			if _, err := time.Parse(time.DateOnly, u.LastMod); err != nil {
				t.Errorf("lastmod %q is no W3C date", u.LastMod)
			}
		}
		langs := []string{}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("link rel %q", l.Rel)
			}
			langs = append(langs, l.Hreflang)
		}
		slices.Sort(langs)
		if !slices.Equal(langs, []string{"de", "en", "x-default"}) {
			t.Errorf("%s has alternates %v", u.Loc, langs)
		}
	}
	for _, path := range []string{"/", "/inhouse", "/impressum", "/datenschutz", "/teilnahmebedingungen",
		"/seminars/" + env.date.Seminar.Slug, "/seminars/" + env.online.Seminar.Slug} {
		for _, lang := range []string{"de", "en"} {
			if !locs[base+localized(lang, path)] {
				t.Errorf("sitemap lacks %s", base+localized(lang, path))
			}
		}
	}
	for loc := range locs {
		if strings.Contains(loc, "/admin") || strings.Contains(loc, "/b/") || strings.Contains(loc, "/book/") {
			t.Errorf("sitemap lists the private page %s", loc)
		}
	}
}

func TestRobots(t *testing.T) {
	env := newPublicEnv(t)
	res, body := env.visitor().get("/robots.txt")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("%d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	for _, line := range []string{"User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /b/", "Disallow: /api/",
		"Sitemap: " + env.srv.cfg.BaseURL + "/sitemap.xml"} {
		if !slices.Contains(strings.Split(body, "\n"), line) {
			t.Errorf("robots.txt lacks %q:\n%s", line, body)
		}
	}
}

// jsonLD returns the JSON-LD blocks of a page.
func jsonLD(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, s := range elements(htmlDoc(t, body), "script", map[string]string{"type": "application/ld+json"}) {
		out = append(out, textOf(s))
	}
	return out
}

func TestSeminarJSONLD(t *testing.T) {
	env := newPublicEnv(t)
	type offer struct {
		Price, PriceCurrency, Availability, URL string
	}
	type instance struct {
		Type                string `json:"@type"`
		StartDate, EndDate  string
		EventAttendanceMode string
		Location            struct {
			Type    string `json:"@type"`
			URL     string
			Address struct{ AddressLocality, AddressCountry string }
		}
		Offers offer
	}
	type course struct {
		Context           string `json:"@context"`
		Type              string `json:"@type"`
		Name              string
		HasCourseInstance []instance
	}
	cases := []struct {
		name, path, wantName, wantLocation, wantMode string
		date                                         func() (time.Time, time.Time, uint)
	}{
		{"in person, German", "/seminars/" + env.date.Seminar.Slug, env.date.Seminar.TitleDE, "Place", "OfflineEventAttendanceMode",
			func() (time.Time, time.Time, uint) { return env.date.StartsAt, env.date.EndsAt, env.date.ID }},
		{"online, English", "/en/seminars/" + env.online.Seminar.Slug, env.online.Seminar.TitleEN, "VirtualLocation", "OnlineEventAttendanceMode",
			func() (time.Time, time.Time, uint) { return env.online.StartsAt, env.online.EndsAt, env.online.ID }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, body := env.visitor().get(tc.path)
			blocks := jsonLD(t, body)
			if len(blocks) != 1 {
				t.Fatalf("%d JSON-LD blocks", len(blocks))
			}
			var c course
			if err := json.Unmarshal([]byte(blocks[0]), &c); err != nil {
				t.Fatalf("JSON-LD does not parse: %v\n%s", err, blocks[0])
			}
			if c.Context != "https://schema.org" || c.Type != "Course" || c.Name != tc.wantName || len(c.HasCourseInstance) != 1 {
				t.Fatalf("course %+v", c)
			}
			in := c.HasCourseInstance[0]
			start, end, id := tc.date()
			gotStart, err1 := time.Parse(time.RFC3339, in.StartDate)
			gotEnd, err2 := time.Parse(time.RFC3339, in.EndDate)
			if err1 != nil || err2 != nil || !gotStart.Equal(start) || !gotEnd.Equal(end) {
				t.Errorf("start %q end %q, want %v %v", in.StartDate, in.EndDate, start, end)
			}
			if in.Type != "CourseInstance" || in.Location.Type != tc.wantLocation || !strings.HasSuffix(in.EventAttendanceMode, tc.wantMode) {
				t.Errorf("instance %+v", in)
			}
			if tc.wantLocation == "Place" && (in.Location.Address.AddressLocality != "Berlin" || in.Location.Address.AddressCountry != "DE") {
				t.Errorf("address %+v", in.Location.Address)
			}
			if tc.wantLocation == "VirtualLocation" && strings.Contains(in.Location.URL, "meet") {
				t.Errorf("the joining link is public: %s", in.Location.URL)
			}
			if in.Offers.Price != "490.00" || in.Offers.PriceCurrency != "EUR" || in.Offers.Availability != "https://schema.org/InStock" ||
				!strings.HasSuffix(in.Offers.URL, fmt.Sprintf("/book/%d", id)) {
				t.Errorf("offer %+v", in.Offers)
			}
		})
	}
}

// TestLegalPages checks the three legal pages in both languages and the links to them.
func TestLegalPages(t *testing.T) {
	env := newPublicEnv(t)
	for _, path := range []string{"/impressum", "/datenschutz", "/teilnahmebedingungen", "/en/impressum", "/en/datenschutz", "/en/teilnahmebedingungen"} {
		t.Run(path, func(t *testing.T) {
			res, body := env.visitor().get(path)
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				t.Fatalf("%d %s", res.StatusCode, res.Header.Get("Content-Type"))
			}
			if !strings.Contains(body, env.srv.seller.Name) || !strings.Contains(body, "<h1>") {
				t.Error("the page lacks its heading or the seller")
			}
		})
	}
	_, privacy := env.visitor().get("/datenschutz")
	for _, want := range []string{
		fmt.Sprintf("%d Monate", env.srv.cfg.RetentionWaitlistMonths), fmt.Sprintf("%d Monate", env.srv.cfg.RetentionInquiryMonths),
		fmt.Sprintf("%d Tage", env.srv.cfg.RetentionMailDays), fmt.Sprintf("%d Jahre", env.srv.cfg.RetentionInvoiceYears),
		"Warteliste", "Inhouse-Anfragen", "Versandprotokoll", "Sitzungen", "Art. 15", "SMTP",
	} {
		if !strings.Contains(privacy, want) {
			t.Errorf("privacy notice lacks %q", want)
		}
	}

	// The footer of every public page links the three; the booking form's checkbox opens the
	// terms and the privacy notice in a new tab, so what was typed stays.
	for _, path := range []string{"/", "/en/", "/seminars/" + env.date.Seminar.Slug, "/inhouse", fmt.Sprintf("/en/book/%d", env.date.ID)} {
		_, body := env.visitor().get(path)
		doc := htmlDoc(t, body)
		for _, legalPath := range []string{"/impressum", "/datenschutz", "/teilnahmebedingungen"} {
			want := localized(pageLang(t, body), legalPath)
			found := false
			for _, footer := range elements(doc, "footer", map[string]string{"class": "site-footer"}) {
				found = found || len(elements(footer, "a", map[string]string{"href": want})) > 0
			}
			if !found {
				t.Errorf("footer of %s lacks a link to %s", path, want)
			}
		}
	}
	for _, lang := range []string{"de", "en"} {
		_, body := env.visitor().get(localized(lang, fmt.Sprintf("/book/%d", env.date.ID)))
		form := elements(htmlDoc(t, body), "form", map[string]string{"id": "booking-form"})[0]
		for _, legalPath := range []string{"/teilnahmebedingungen", "/datenschutz"} {
			links := elements(form, "a", map[string]string{"href": localized(lang, legalPath), "target": "_blank", "rel": "noopener"})
			if len(links) != 1 {
				t.Errorf("%s booking form: %d links to %s in a new tab", lang, len(links), legalPath)
			}
		}
		if len(elements(form, "input", map[string]string{"name": "confirm_business", "type": "checkbox"})) != 1 {
			t.Errorf("%s booking form does not ask to confirm booking for a business", lang)
		}
		submit := elements(form, "button", map[string]string{"value": "book"})
		if want := map[string]string{"de": "Zahlungspflichtig buchen", "en": "Book and pay"}[lang]; len(submit) != 1 || strings.TrimSpace(textOf(submit[0])) != want {
			t.Errorf("%s booking button does not read %q", lang, want)
		}
	}
}

// TestBookingNeedsTheBusinessConfirmationAndKeepsTheTermsVersion books through the form.
func TestBookingNeedsTheBusinessConfirmationAndKeepsTheTermsVersion(t *testing.T) {
	env := newPublicEnv(t)
	path := fmt.Sprintf("/book/%d", env.date.ID)
	form := url.Values{
		"attendee_count": {"1"}, "attendees[0].first_name": {"Ada"}, "attendees[0].last_name": {"Lovelace"},
		"attendees[0].email": {"ada@firma.example"}, "billing.company": {"Firma AG"}, "billing.name": {"Ada Lovelace"},
		"billing.email": {"einkauf@firma.example"}, "billing.street": {"Weg 1"}, "billing.postal_code": {"10115"},
		"billing.city": {"Berlin"}, "billing.country": {"DE"}, "payment_method": {"invoice"},
		"accept_terms": {"yes"}, "action": {"book"},
	}
	b := env.visitor()
	res, body := b.post(path, path, form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "nur an Unternehmen") {
		t.Fatalf("without the business confirmation: %d", res.StatusCode)
	}
	form.Set("confirm_business", "yes")
	res, _ = b.post(path, path, form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("booking: %d", res.StatusCode)
	}
	reference := strings.Split(strings.TrimPrefix(res.Header.Get("Location"), "/b/"), "?")[0]
	stored, err := env.st.BookingByReference(t.Context(), reference)
	if err != nil {
		t.Fatal(err)
	}
	if stored.TermsVersion == "" || stored.TermsVersion != env.srv.legal.TermsVersion() {
		t.Errorf("booking keeps terms version %q, want %q", stored.TermsVersion, env.srv.legal.TermsVersion())
	}
}
