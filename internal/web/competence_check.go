package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"seminars/internal/model"
	"seminars/internal/web/form"
)

// competenceData is the competence check's page: the form, and the result once it was sent.
type competenceData struct {
	Form      form.Competence
	Functions []string
	Usages    []model.Usage
	Action    string // the page's own path, German or English
	Result    *competenceResult
}

// competenceResult is what the check found.
type competenceResult struct {
	Rows       []competenceRow
	Missing    []string // functions the company did not tick
	Count      int      // functions ticked
	Few        bool     // fewer than the seed's "more than five"
	ShareURL   string   // absolute: the result as a GET URL carrying the answers
	InquiryURL string   // the in-house inquiry form, pre-filled
}

// competenceRow is one ranked function with the seminars that close its gap.
type competenceRow struct {
	model.CompetenceGap
	Seminars []competenceSeminar
}

// competenceSeminar is a matching seminar and its next open date, if any.
type competenceSeminar struct {
	Seminar model.Seminar
	Next    *model.SeminarDate
}

// competenceCheckShow is the social media competence check: the form without answers, the
// result with them. Everything is in the query string, so the result is a GET URL to share,
// bookmark and print, and nothing is stored until the company sends the in-house inquiry.
func (s *Server) competenceCheckShow(c echo.Context) error {
	d := competenceData{Form: form.CompetenceFromValues(c.QueryParams()), Functions: model.BusinessFunctions,
		Usages: model.Usages, Action: c.Path()}
	title := s.i18n.For(language(c)).T("competence.title")
	if !d.Form.Sent {
		return s.render(c, http.StatusOK, pageCompetence, title, d, nil)
	}
	answers, errs := d.Form.Validate()
	if errs != nil {
		return s.render(c, http.StatusBadRequest, pageCompetence, title, d, s.translate(c, errs))
	}
	ranked := model.RankCompetence(answers)
	var gaps []string
	for _, g := range ranked {
		if g.Gap > 0 {
			gaps = append(gaps, g.Function)
		}
	}
	matches, err := s.store.CompetenceSeminars(c.Request().Context(), gaps, s.now(), competenceSeminarsShown)
	if err != nil {
		return err
	}
	query := form.CompetenceQuery(answers).Encode()
	d.Result = &competenceResult{
		Rows: competenceRows(ranked, matches), Missing: model.MissingFunctions(answers),
		Count: len(answers), Few: len(answers) < model.MinCompetenceFunctions,
		ShareURL: s.cfg.BaseURL + c.Path() + "?" + query, InquiryURL: localized(language(c), "/inhouse") + "?" + query,
	}
	return s.render(c, http.StatusOK, pageCompetence, title, d, nil)
}

// competenceSeminarsShown is how many seminars the result lists under a function at most: a
// recommendation, not the catalogue (the demo's catalogue has at most six per function).
const competenceSeminarsShown = 8

// competenceRows puts the seminars matching each function (at most competenceSeminarsShown,
// with their next date only, as CompetenceSeminars reads them) under each function that has a
// gap to close; a function already using social media as part of the job needs none.
func competenceRows(ranked []model.CompetenceGap, matches map[string][]model.Seminar) []competenceRow {
	rows := make([]competenceRow, 0, len(ranked))
	for _, g := range ranked {
		row := competenceRow{CompetenceGap: g}
		if g.Gap > 0 {
			for _, sem := range matches[g.Function] {
				if !sem.HasFunction(g.Function) {
					continue // SQLite's LIKE ignores case; the key must match exactly
				}
				match := competenceSeminar{Seminar: sem}
				if len(sem.Dates) > 0 {
					match.Next = &sem.Dates[0]
				}
				row.Seminars = append(row.Seminars, match)
			}
		}
		rows = append(rows, row)
	}
	return rows
}
