package mail_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	trainercal "seminars/internal/calendar"
	"seminars/internal/i18n"
	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// TestTrainerFeedOutsideParsers builds the trainer's calendar feed from real dates on both
// databases and reads it with ical.js and python-icalendar: which dates are in it (the window),
// their stable UIDs, where they take place, the fill level and cancellations.
func TestTrainerFeedOutsideParsers(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		ctx := context.Background()
		upcoming := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk, Capacity: 16, SeatsTaken: 12})
		venueWithCommas := "Haus \"Am See\"; Raum 2, Erdgeschoss"
		if err := st.WithTx(ctx, func(tx *store.Tx) error {
			upcoming.Venue = venueWithCommas
			return tx.UpdateDate(ctx, &upcoming)
		}); err != nil {
			t.Fatal(err)
		}
		online := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk, Format: model.FormatOnline, StartsIn: 60 * 24 * time.Hour})
		if err := st.WithTx(ctx, func(tx *store.Tx) error {
			online.OnlineURL = "https://meet.example/raum-42?pwd=geheim"
			return tx.UpdateDate(ctx, &online)
		}); err != nil {
			t.Fatal(err)
		}
		cancelled := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk, Status: model.DateCancelled, StartsIn: 10 * 24 * time.Hour})
		recent := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk, StartsIn: -30 * 24 * time.Hour})
		old := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk, StartsIn: -120 * 24 * time.Hour})
		draft := storetest.SeedDate(t, st, storetest.DateOptions{Clock: clk, Status: model.DateDraft})

		feed := trainerFeed(t, st, clk.Now)
		if !strings.HasSuffix(feed, "END:VCALENDAR\r\n") {
			t.Fatalf("the feed does not end with END:VCALENDAR and CRLF:\n%s", feed)
		}
		for _, line := range strings.SplitAfter(feed, "\r\n") {
			if line != "" && (!strings.HasSuffix(line, "\r\n") || len(strings.TrimSuffix(line, "\r\n")) > 75) {
				t.Fatalf("content line %q is not CRLF-terminated within 75 octets", line)
			}
		}
		uid := func(d model.SeminarDate) string {
			return "trainer-date-" + itoa(d.ID) + "@localhost"
		}
		want := map[string]struct {
			status, location string
			description      []string
		}{
			uid(recent):    {"CONFIRMED", "Tagungshaus, Hauptstraße 1, 10115 Berlin", []string{"0/10 belegt"}},
			uid(cancelled): {"CANCELLED", "Tagungshaus, Hauptstraße 1, 10115 Berlin", []string{"ABGESAGT", "0/10 belegt"}},
			uid(upcoming):  {"CONFIRMED", venueWithCommas + ", Hauptstraße 1, 10115 Berlin", []string{"12/16 belegt", "/admin/dates/" + itoa(upcoming.ID) + "/attendees"}},
			uid(online):    {"CONFIRMED", "https://meet.example/raum-42?pwd=geheim", []string{"Online: https://meet.example/raum-42?pwd=geheim"}},
		}
		for name, parse := range map[string]func(testing.TB, string) mail.ParsedCalendar{
			"ical.js": mail.ParseWithICALJS, "python-icalendar": mail.ParseWithPythonICalendar,
		} {
			t.Run(name, func(t *testing.T) {
				cal := parse(t, feed)
				if len(cal.Events) != len(want) {
					t.Fatalf("%d events, want %d (not the old date %d nor the draft %d): %+v", len(cal.Events), len(want), old.ID, draft.ID, cal.Events)
				}
				for _, ev := range cal.Events {
					w, ok := want[ev.UID]
					if !ok {
						t.Fatalf("unexpected event %s", ev.UID)
					}
					if ev.Status != w.status || ev.Location != w.location || ev.Sequence <= 0 {
						t.Errorf("%s: status %q location %q sequence %d; want %q, %q, > 0", ev.UID, ev.Status, ev.Location, ev.Sequence, w.status, w.location)
					}
					for _, part := range w.description {
						if !strings.Contains(ev.Description, part) {
							t.Errorf("%s: description %q lacks %q", ev.UID, ev.Description, part)
						}
					}
				}
			})
		}
		if again := trainerFeed(t, st, clk.Now); extractUIDs(again) != extractUIDs(feed) {
			t.Fatal("UIDs changed between two reads of the feed")
		}
	})
}

// TestEmptyTrainerFeed: with no dates yet the feed is still a calendar both parsers read.
func TestEmptyTrainerFeed(t *testing.T) {
	storetest.EachAt(t, storetest.ReferenceTime, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		feed := trainerFeed(t, st, clk.Now)
		for name, parse := range map[string]func(testing.TB, string) mail.ParsedCalendar{
			"ical.js": mail.ParseWithICALJS, "python-icalendar": mail.ParseWithPythonICalendar,
		} {
			t.Run(name, func(t *testing.T) {
				if cal := parse(t, feed); len(cal.Events) != 0 {
					t.Fatalf("events in an empty feed: %+v", cal.Events)
				}
			})
		}
	})
}

// TestFillLevel covers the ways a date's fill level reads: seats taken of the capacity, and
// with a minimum whether the confirmed seats reach it (held seats of unpaid bookings do not).
func TestFillLevel(t *testing.T) {
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	confirmedAt := storetest.ReferenceTime
	cases := []struct {
		name string
		lang string
		date model.SeminarDate
		want string
	}{
		{"no minimum", "de", model.SeminarDate{SeatsTaken: 12, Capacity: 16, SeatsConfirmed: 12}, "12/16 belegt"},
		{"minimum reached", "de", model.SeminarDate{SeatsTaken: 12, Capacity: 16, SeatsConfirmed: 12, MinParticipants: 6}, "12/16 · Mindestzahl erreicht"},
		{"minimum exactly reached", "de", model.SeminarDate{SeatsTaken: 8, Capacity: 16, SeatsConfirmed: 8, MinParticipants: 8}, "8/16 · Mindestzahl erreicht"},
		{"below the minimum", "de", model.SeminarDate{SeatsTaken: 5, Capacity: 16, SeatsConfirmed: 5, MinParticipants: 6}, "5/16 · Mindestzahl 6 noch nicht erreicht"},
		{"held seats do not count", "de", model.SeminarDate{SeatsTaken: 7, Capacity: 16, SeatsConfirmed: 5, MinParticipants: 6}, "7/16 · Mindestzahl 6 noch nicht erreicht"},
		{"confirmed by the trainer below the minimum", "de", model.SeminarDate{SeatsTaken: 4, Capacity: 16, SeatsConfirmed: 4, MinParticipants: 6, RunConfirmedAt: &confirmedAt}, "4/16 · Durchführung bestätigt"},
		{"English reached", "en", model.SeminarDate{SeatsTaken: 12, Capacity: 16, SeatsConfirmed: 12, MinParticipants: 8}, "12/16 · minimum reached"},
		{"English below", "en", model.SeminarDate{SeatsTaken: 5, Capacity: 16, SeatsConfirmed: 5, MinParticipants: 6}, "5/16 · minimum of 6 not yet reached"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := trainercal.FillLevel(catalog.For(c.lang), c.date); got != c.want {
				t.Fatalf("FillLevel = %q, want %q", got, c.want)
			}
		})
	}
}

// TestTrainerFeedShowsTheMinimum: on both databases, the feed's descriptions say whether each
// date's confirmed bookings reach its minimum, and python-icalendar and ical.js still read it.
func TestTrainerFeedShowsTheMinimum(t *testing.T) {
	eachEnv(t, func(t *testing.T, e *env) {
		withMinimum := func(startsIn time.Duration, minimum int) model.SeminarDate {
			d := e.seedDate(model.FormatInPerson, e.now.Add(startsIn).Truncate(time.Hour))
			d.MinParticipants = minimum
			if err := e.st.WithTx(e.ctx, func(tx *store.Tx) error { return tx.UpdateDate(e.ctx, &d) }); err != nil {
				t.Fatal(err)
			}
			return d
		}
		reached := withMinimum(20*24*time.Hour, 2)
		below := withMinimum(30*24*time.Hour, 6)
		e.reserve(reached.ID, "de", [2]string{"Anna", "anna@muster.example"}, [2]string{"Ben", "ben@muster.example"})
		e.reserve(below.ID, "de", [2]string{"Cem", "cem@muster.example"})
		feed := trainerFeed(t, e.st, e.clock)
		want := map[string]string{
			"trainer-date-" + itoa(reached.ID) + "@localhost": "2/20 · Mindestzahl erreicht",
			"trainer-date-" + itoa(below.ID) + "@localhost":   "1/20 · Mindestzahl 6 noch nicht erreicht",
		}
		for name, parse := range map[string]func(testing.TB, string) mail.ParsedCalendar{
			"ical.js": mail.ParseWithICALJS, "python-icalendar": mail.ParseWithPythonICalendar,
		} {
			t.Run(name, func(t *testing.T) {
				cal := parse(t, feed)
				if len(cal.Events) != len(want) {
					t.Fatalf("%d events, want %d", len(cal.Events), len(want))
				}
				for _, ev := range cal.Events {
					if w := want[ev.UID]; w == "" || !strings.Contains(ev.Description, w) {
						t.Errorf("%s: description %q lacks %q", ev.UID, ev.Description, w)
					}
				}
			})
		}
	})
}

func trainerFeed(t *testing.T, st *store.Store, now func() time.Time) string {
	t.Helper()
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	keys, err := secret.New("feed-test-secret-key-0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	svc := trainercal.New(st, keys, catalog, trainercal.Settings{BaseURL: "http://localhost:8080", Location: storetest.Berlin(), Language: "de"}, now)
	url, err := svc.URL(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	presented := strings.TrimSuffix(url[strings.LastIndex(url, "/")+1:], ".ics")
	body, err := svc.Feed(context.Background(), presented)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

func extractUIDs(feed string) string {
	var uids []string
	for _, line := range strings.Split(feed, "\r\n") {
		if strings.HasPrefix(line, "UID:") {
			uids = append(uids, line)
		}
	}
	return strings.Join(uids, ",")
}

func itoa(n uint) string { return strconv.FormatUint(uint64(n), 10) }
