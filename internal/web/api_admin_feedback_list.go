package web

import (
	"math"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"seminars/internal/feedback"
	"seminars/internal/model"
	"seminars/internal/store"
)

// feedbackSummaryJSON is a count of answers and their average ratings (1–5, two decimals).
type feedbackSummaryJSON struct {
	Count    int                  `json:"count"`
	Averages feedbackAveragesJSON `json:"averages"`
}

type feedbackAveragesJSON struct {
	Content      float64 `json:"content"`
	Trainer      float64 `json:"trainer"`
	Organisation float64 `json:"organisation"`
}

type feedbackDateJSON struct {
	DateID   uint      `json:"date_id"`
	StartsAt time.Time `json:"starts_at"`
	feedbackSummaryJSON
}

type feedbackQuoteJSON struct {
	ID        uint   `json:"id"`
	DateID    *uint  `json:"date_id"`
	Text      string `json:"text"`
	Signature string `json:"signature"`
	Hidden    bool   `json:"hidden"`
	Example   bool   `json:"example"`
}

type feedbackSeminarJSON struct {
	SeminarID uint   `json:"seminar_id"`
	Slug      string `json:"slug"`
	Title     string `json:"title"`
	feedbackSummaryJSON
	Examples int                 `json:"examples"`
	Dates    []feedbackDateJSON  `json:"dates"`
	Quotes   []feedbackQuoteJSON `json:"quotes"`
	// QuotesTotal counts the seminar's quotes on all pages; Quotes is one page of them.
	QuotesTotal int `json:"quotes_total"`
	// DatesTotal counts the seminar's dates with answers on all pages; Dates is the same page
	// of them as Quotes is of the quotes.
	DatesTotal int `json:"dates_total"`
}

// apiAdminFeedbackList is GET /api/v1/admin/feedback[?seminar_id=&page=&per_page=]: the survey
// results of every seminar with answers (or of the one named, also without any), per seminar
// and per date over every answer, with a page of each seminar's quotes attendees agreed to
// publish (newest first, 1,000 by default) and whether each is hidden, and the same page of its
// dates with answers (earliest first). next_page is there while any seminar listed has quotes
// or dates beyond this page.
func (s *Server) apiAdminFeedbackList(c echo.Context) error {
	var seminarID uint
	if v := c.QueryParam("seminar_id"); v != "" {
		id, err := model.ParseID("seminar_id", v)
		if err != nil {
			return err
		}
		seminarID = id
	}
	page := readPage(c, apiPerPage, apiPerPage)
	if page.Invalid != nil {
		return pageInvalid(c, page)
	}
	results, err := s.feedback.Results(c.Request().Context(), seminarID, feedback.Page{
		Answers:     store.AnswerPage{Offset: page.offset(), Limit: page.PerPage, QuotesOnly: true},
		DatesOffset: page.offset(), DatesLimit: page.PerPage,
	})
	if err != nil {
		return err
	}
	out := make([]feedbackSeminarJSON, 0, len(results))
	var total, longest int64
	for _, r := range results {
		out = append(out, feedbackSeminarView(r))
		total, longest = total+int64(r.Quotes), max(longest, int64(r.Quotes), int64(r.DatesTotal))
	}
	body := map[string]any{"seminars": out, "total": total, "page": page.Page, "per_page": page.PerPage}
	if next := page.nextPage(longest); next > 0 {
		body["next_page"] = next
	}
	return c.JSON(http.StatusOK, body)
}

func feedbackSeminarView(r feedback.SeminarResult) feedbackSeminarJSON {
	v := feedbackSeminarJSON{SeminarID: r.Seminar.ID, Slug: r.Seminar.Slug, Title: r.Seminar.TitleDE,
		feedbackSummaryJSON: summaryView(r.Summary), Examples: r.Examples, Dates: []feedbackDateJSON{}, Quotes: []feedbackQuoteJSON{}, QuotesTotal: r.Quotes, DatesTotal: r.DatesTotal}
	for _, d := range r.Dates {
		v.Dates = append(v.Dates, feedbackDateJSON{DateID: d.Date.ID, StartsAt: d.Date.StartsAt.UTC(), feedbackSummaryJSON: summaryView(d.Summary)})
	}
	for _, f := range r.Answers {
		if f.QuoteConsent && f.Comment != "" {
			v.Quotes = append(v.Quotes, feedbackQuoteJSON{ID: f.ID, DateID: f.DateID, Text: f.Comment, Signature: f.QuoteSignature, Hidden: f.QuoteHidden, Example: f.Example})
		}
	}
	return v
}

func summaryView(s model.FeedbackSummary) feedbackSummaryJSON {
	round := func(x float64) float64 { return math.Round(x*100) / 100 }
	return feedbackSummaryJSON{Count: s.Count, Averages: feedbackAveragesJSON{Content: round(s.Content), Trainer: round(s.Trainer), Organisation: round(s.Organisation)}}
}
