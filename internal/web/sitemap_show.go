package web

import (
	"encoding/xml"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/i18n"
	"seminars/internal/legal"
)

// sitemapURLSet is a sitemap (sitemaps.org protocol 0.9) with hreflang alternates (xhtml:link).
type sitemapURLSet struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTMLNS string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	LastMod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// publicPagePaths are the German paths of the public pages that are not seminars.
func publicPagePaths() []string {
	paths := []string{"/", "/inhouse"}
	for _, p := range legal.Pages {
		paths = append(paths, "/"+string(p))
	}
	return paths
}

// sitemapShow lists every public page and every published seminar, in each language, each with
// its alternates.
func (s *Server) sitemapShow(c echo.Context) error {
	seminars, err := s.store.PublishedSeminars(c.Request().Context())
	if err != nil {
		return err
	}
	set := sitemapURLSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTMLNS: "http://www.w3.org/1999/xhtml"}
	add := func(base string, modified time.Time) {
		var links []sitemapLink
		for _, alt := range s.alternates(base) {
			links = append(links, sitemapLink{Rel: "alternate", Hreflang: alt.Lang, Href: alt.URL})
		}
		lastMod := ""
		if !modified.IsZero() {
			lastMod = modified.UTC().Format(time.DateOnly)
		}
		for _, lang := range i18n.Languages {
			set.URLs = append(set.URLs, sitemapURL{Loc: s.cfg.BaseURL + localized(lang, base), LastMod: lastMod, Links: links})
		}
	}
	for _, path := range publicPagePaths() {
		add(path, time.Time{})
	}
	for _, sem := range seminars {
		add("/seminars/"+sem.Slug, sem.UpdatedAt)
	}
	out, err := xml.MarshalIndent(set, "", "  ")
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/xml; charset=utf-8", append([]byte(xml.Header), out...))
}
