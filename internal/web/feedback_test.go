package web

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestFeedbackPageFlow walks the survey as the attendee and the trainer see it, at fixed times
// around a three-day date, on SQLite and PostgreSQL: consent on the attendee page, the survey
// closed before the date and for someone not checked in, bad input refused with messages and
// nothing stored, an answer through the English twin, the quote on the seminar page in both
// languages, the results in the back office, the trainer hiding the quote, and the survey closed
// after its period.
func TestFeedbackPageFlow(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAdminEnvAt(t, st, clk)
		date := threeDayDate(t, st)
		sem, err := st.SeminarByID(ctx, date.SeminarID)
		if err != nil {
			t.Fatal(err)
		}
		b := env.book(date.ID, "Muster GmbH", "Anna Schmidt", "Ben Becker")
		anna, ben := b.Attendees[0], b.Attendees[1]
		keys := env.srv.secrets
		page, benPage := "/a/"+keys.AttendeeToken(anna.ID, 0), "/a/"+keys.AttendeeToken(ben.ID, 0)
		visitor := env.browser()

		type step struct {
			name   string
			at     time.Time
			method string
			path   string
			form   url.Values
			status int
			want   []string
			absent []string
		}
		good := url.Values{"content": {"5"}, "trainer": {"4"}, "organisation": {"5"}, "comment": {"Endlich verstehen alle Abteilungen, wozu Social Media gut ist."},
			"quote_consent": {"1"}, "quote_role": {"Marketing"}}
		before := storetest.InBerlin(2026, 11, 28, 10, 0)
		after := storetest.InBerlin(2026, 12, 3, 18, 0)
		steps := []step{
			{"the attendee page asks for consent", before, http.MethodGet, page, nil, http.StatusOK,
				[]string{`id="feedback"`, `name="consent"`, "einmal per E-Mail um mein Feedback bitten"}, []string{"checked>"}},
			{"consent given", before, http.MethodPost, page + "/feedback/consent", url.Values{"consent": {"1"}}, http.StatusSeeOther, nil, nil},
			{"the page shows it", before, http.MethodGet, page + "?consent=saved", nil, http.StatusOK,
				[]string{"Ihre Auswahl ist gespeichert", `value="1" checked`}, nil},
			{"the survey before the date", before, http.MethodGet, page + "/feedback", nil, http.StatusOK,
				[]string{"Diese Umfrage ist nicht offen"}, []string{`name="content"`}},
			{"an answer before the date", before, http.MethodPost, page + "/feedback", good, http.StatusConflict,
				[]string{"Diese Umfrage ist nicht offen"}, nil},
			{"the attendee page links the survey", after, http.MethodGet, page, nil, http.StatusOK,
				[]string{"Feedback geben", page + "/feedback"}, nil},
			{"bad input", after, http.MethodPost, page + "/feedback", url.Values{"trainer": {"7"}, "organisation": {"3"}, "quote_consent": {"1"}, "quote_role": {"Vertrieb"}},
				http.StatusUnprocessableEntity, []string{"Bitte eine Bewertung von 1 bis 5 wählen.", "Für ein Zitat bitte einen Kommentar", `value="Vertrieb"`, "Anna S., Vertrieb"}, nil},
			{"not checked in", after, http.MethodPost, benPage + "/feedback", good, http.StatusConflict, []string{"Diese Umfrage ist nicht offen"}, nil},
			{"answer in English", after, http.MethodPost, "/en" + page + "/feedback", good, http.StatusSeeOther, nil, nil},
			{"thank you", after, http.MethodGet, "/en" + page + "/feedback?saved=1", nil, http.StatusOK,
				[]string{"Thank you! Your feedback is saved", `value="5" checked`, "Endlich verstehen", "Save changes"}, nil},
			{"the quote on the seminar page", after, http.MethodGet, "/seminars/" + sem.Slug, nil, http.StatusOK,
				[]string{"Das sagen Teilnehmende", "Endlich verstehen alle Abteilungen", "Anna S., Marketing"}, []string{"Schmidt</figcaption>"}},
			{"and on its English twin", after, http.MethodGet, "/en/seminars/" + sem.Slug, nil, http.StatusOK,
				[]string{"What attendees say", "Anna S., Marketing"}, nil},
			{"after the period", after.AddDate(0, 0, 14), http.MethodPost, page + "/feedback", url.Values{"content": {"1"}, "trainer": {"1"}, "organisation": {"1"}},
				http.StatusConflict, []string{"Diese Umfrage ist nicht offen"}, nil},
			{"read-only after the period", after.AddDate(0, 0, 14), http.MethodGet, page + "/feedback", nil, http.StatusOK,
				[]string{"Die Umfrage zu diesem Termin ist beendet", "5 / 5"}, []string{`name="content"`}},
		}
		for _, s := range steps {
			clk.Set(s.at)
			if s.name == "the attendee page links the survey" {
				checkIn(t, env, date, anna, storetest.InBerlin(2026, 12, 1, 9, 10))
			}
			var res *http.Response
			var body string
			if s.method == http.MethodGet {
				res, body = visitor.get(s.path)
			} else {
				res, body = visitor.post("/inhouse", s.path, s.form) // any form's CSRF token: the cookie is the site's
			}
			if res.StatusCode != s.status {
				t.Fatalf("%s: status %d, want %d: %.400s", s.name, res.StatusCode, s.status, body)
			}
			for _, w := range s.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s: page lacks %q", s.name, w)
				}
			}
			for _, w := range s.absent {
				if strings.Contains(body, w) {
					t.Errorf("%s: page shows %q", s.name, w)
				}
			}
			if s.name == "bad input" || s.name == "not checked in" {
				if _, err := st.FeedbackOf(ctx, anna.ID, date.ID); !errors.Is(err, model.ErrNotFound) && s.name == "bad input" {
					t.Errorf("bad input stored an answer: %v", err)
				}
			}
		}
		got, err := st.FeedbackOf(ctx, anna.ID, date.ID)
		if err != nil || got.ContentRating != 5 || got.QuoteSignature != "Anna S., Marketing" {
			t.Fatalf("stored %+v, %v; want the answer given in English", got, err)
		}

		// The trainer's side.
		clk.Set(after)
		owner := env.signedIn("owner@example.com")
		_, overview := owner.get("/admin/feedback")
		for _, w := range []string{sem.TitleDE, "5,0", "4,0"} {
			if !strings.Contains(overview, w) {
				t.Errorf("results overview lacks %q", w)
			}
		}
		detail := fmt.Sprintf("/admin/feedback?seminar=%d", sem.ID)
		_, body := owner.get(detail)
		if !strings.Contains(body, "Endlich verstehen") || !strings.Contains(body, "Zitat ausblenden") {
			t.Fatalf("results of the seminar lack the answer or the hide button: %.600s", body)
		}
		res, _ := owner.post(detail, fmt.Sprintf("/admin/feedback/%d/quote", got.ID), url.Values{"hidden": {"1"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("hide quote: status %d", res.StatusCode)
		}
		if _, body := visitor.get("/seminars/" + sem.Slug); strings.Contains(body, "Endlich verstehen") {
			t.Error("the hidden quote is still on the seminar page")
		}
		if _, body := owner.get(detail); !strings.Contains(body, "Zitat wieder zeigen") {
			t.Error("the results do not offer to show the hidden quote again")
		}
		if res, _ := owner.post(detail, "/admin/feedback/99999/quote", url.Values{"hidden": {"1"}}); res.StatusCode != http.StatusNotFound {
			t.Errorf("hiding an unknown quote: status %d, want 404", res.StatusCode)
		}
		if res, _ := owner.get("/admin/feedback?seminar=x"); res.StatusCode != http.StatusBadRequest {
			t.Errorf("results of seminar x: status %d, want 400", res.StatusCode)
		}
	})
}

// checkIn records an attendee's presence at a time on the date's first day.
func checkIn(t *testing.T, env *adminEnv, date model.SeminarDate, a model.Attendee, at time.Time) {
	t.Helper()
	ctx := context.Background()
	err := env.st.WithTx(ctx, func(tx *store.Tx) error {
		_, err := tx.CheckInAttendee(ctx, date.ID, a.ID, at.In(storetest.Berlin()).Format(time.DateOnly), at, "test")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFeedbackBadInputStoresNothing sends every kind of poison in every field of the open survey,
// on SQLite and PostgreSQL: the answer is 4xx with the field's message, and no row of any table
// changes.
func TestFeedbackBadInputStoresNothing(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		env := newAdminEnvAt(t, st, clk)
		date := threeDayDate(t, st)
		anna := env.book(date.ID, "Muster GmbH", "Anna Schmidt").Attendees[0]
		checkIn(t, env, date, anna, storetest.InBerlin(2026, 12, 1, 9, 10))
		clk.Set(storetest.InBerlin(2026, 12, 3, 18, 0))
		path := "/a/" + env.srv.secrets.AttendeeToken(anna.ID, 0) + "/feedback"
		visitor := env.browser()
		de := env.srv.i18n.For("de")
		fields := []struct {
			name      string
			multiline bool
			want      string // the message key for valid UTF-8; "" = the text rule's
		}{
			{"content", false, "feedback.error.rating"},
			{"trainer", false, "feedback.error.rating"},
			{"comment", true, ""},
			{"quote_role", false, ""},
		}
		for _, f := range fields {
			for _, bad := range badValues {
				if bad.reason == model.ReasonLineBreak && f.multiline {
					continue
				}
				t.Run(f.name+"/"+bad.name, func(t *testing.T) {
					before, err := st.RowCounts(ctx)
					if err != nil {
						t.Fatal(err)
					}
					form := url.Values{"content": {"5"}, "trainer": {"4"}, "organisation": {"3"}, "comment": {"Gut."}, "quote_role": {"Vertrieb"}}
					form.Set(f.name, bad.value)
					res, body := visitor.post("/inhouse", path, form)
					after, err := st.RowCounts(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if len(changed(before, after)) > 0 {
						t.Errorf("rows changed: %v", changed(before, after))
					}
					key := "error." + string(bad.reason)
					if bad.reason != model.ReasonInvalidUTF8 && f.want != "" {
						key = f.want
					}
					if res.StatusCode < 400 || res.StatusCode >= 500 || !strings.Contains(html.UnescapeString(body), de.T(key)) {
						t.Fatalf("status %d, want 4xx with %q\n%.600s", res.StatusCode, de.T(key), body)
					}
				})
			}
		}
	})
}
