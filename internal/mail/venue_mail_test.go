package mail_test

import (
	"strings"
	"testing"
	"time"

	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/store"
)

// TestConfirmationAtAVenueRecord: an attendee booked on a date at a venue record reads the
// venue's room, directions, accessibility notes and map link in both parts of the mail, and the
// invite's LOCATION (valid RFC 5545, read back by ical.js and python-icalendar) names venue, room
// and address, in German and in English.
func TestConfirmationAtAVenueRecord(t *testing.T) {
	cases := []struct {
		name, lang, accessibility, mapLabel string
	}{
		{"german", "de", "Barrierefreiheit: Aufzug, barrierefreies WC", "Karte"},
		{"english", "en", "Accessibility: Aufzug, barrierefreies WC", "Map"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			eachEnv(t, func(t *testing.T, e *env) {
				start := time.Date(e.now.Year()+1, time.January, 12, 8, 0, 0, 0, time.UTC)
				date := e.seedDate(model.FormatInPerson, start)
				v := model.Venue{Name: "Speicherhaus", City: "Hamburg", Address: "Am Sandtorkai 7, 20457 Hamburg", Room: "Saal Elbe; 2. OG",
					Directions: "U4 Überseequartier", Accessibility: "Aufzug, barrierefreies WC", MapURL: "https://maps.example.com/speicherhaus"}
				err := e.st.WithTx(e.ctx, func(tx *store.Tx) error {
					if err := tx.CreateVenue(e.ctx, &v); err != nil {
						return err
					}
					date.UseVenue(v)
					return tx.UpdateDate(e.ctx, &date)
				})
				if err != nil {
					t.Fatal(err)
				}
				e.reserve(date.ID, tc.lang, [2]string{"Anna", "anna@muster.example"})
				e.run(e.now.Add(time.Minute))

				m := only(t, e.inbox(), "anna@muster.example")
				for _, want := range []string{"Speicherhaus", "Saal Elbe; 2. OG", "U4 Überseequartier", tc.accessibility, "https://maps.example.com/speicherhaus"} {
					if !strings.Contains(m.Text, want) {
						t.Errorf("text part lacks %q:\n%s", want, m.Text)
					}
					if !strings.Contains(m.HTML, want) {
						t.Errorf("HTML part lacks %q", want)
					}
				}
				if !strings.Contains(m.HTML, ">"+tc.mapLabel+"</a>") {
					t.Errorf("HTML part lacks the map link labelled %q", tc.mapLabel)
				}
				wantLocation := "Speicherhaus, Saal Elbe; 2. OG, Am Sandtorkai 7, 20457 Hamburg"
				for parser, parse := range map[string]func(testing.TB, string) mail.ParsedCalendar{
					"ical.js": mail.ParseWithICALJS, "python-icalendar": mail.ParseWithPythonICalendar,
				} {
					t.Run(parser, func(t *testing.T) {
						got := parse(t, m.ICSFile)
						if len(got.Events) != 1 || got.Events[0].Location != wantLocation {
							t.Errorf("LOCATION read back as %+v, want %q", got.Events, wantLocation)
						}
					})
				}
			})
		})
	}
}
