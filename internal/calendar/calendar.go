// Package calendar serves the trainer's calendar feed: every date, its venue or link and its fill
// level, at a secret URL (/calendar/{secret}.ics) a calendar app subscribes to. The secret is not
// stored: it is derived from the server secret and a rotation counter (package secret), so the
// back office and `seminars calendar url` can show it again, and renewing it kills the old URL.
package calendar

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/mail"
	"seminars/internal/model"
	"seminars/internal/secret"
	"seminars/internal/store"
)

// RecentDays is how far back the feed reaches: dates that ended in the last 90 days stay in it
// (the trainer looks back at the last quarter), every later date is in it however far ahead.
const RecentDays = 90

// Derivation inputs of the feed's secret: one feed for the whole service.
const (
	secretPurpose = "calendar"
	secretRecord  = "trainer"
)

// Settings are what the feed needs from the configuration.
type Settings struct {
	BaseURL  string         // absolute, without a trailing slash
	Location *time.Location // the trainer's time zone, for the calendar's name only
	Language string         // the language of the texts in the feed
}

// Service builds the feed and shows or renews its URL.
type Service struct {
	st      *store.Store
	keys    *secret.Keyring
	catalog *i18n.Catalog
	set     Settings
	now     func() time.Time
}

// New returns the feed service.
func New(st *store.Store, keys *secret.Keyring, catalog *i18n.Catalog, set Settings, now func() time.Time) *Service {
	return &Service{st: st, keys: keys, catalog: catalog, set: set, now: now}
}

// URL returns the feed's current URL.
func (s *Service) URL(ctx context.Context) (string, error) {
	rotation, err := s.st.CounterSetting(ctx, model.SettingCalendarRotation)
	if err != nil {
		return "", err
	}
	return s.urlAt(rotation), nil
}

// Renew gives the feed a new URL and returns it; the old URL answers 404 from then on. actor
// (a staff e-mail, or "cli") is recorded in the audit log in the same transaction.
func (s *Service) Renew(ctx context.Context, actor string) (string, error) {
	var rotation int64
	err := s.st.WithTx(ctx, func(tx *store.Tx) (err error) {
		if rotation, err = tx.IncrementCounterSetting(ctx, model.SettingCalendarRotation); err != nil {
			return err
		}
		return tx.AddAudit(ctx, &model.AuditEntry{CreatedAt: s.now().UTC(), Actor: actor,
			Action: model.AuditCalendarRenewed, Subject: "calendar feed", Detail: fmt.Sprintf("rotation %d", rotation)})
	})
	if err != nil {
		return "", err
	}
	return s.urlAt(rotation), nil
}

func (s *Service) urlAt(rotation int64) string {
	return s.set.BaseURL + "/calendar/" + s.keys.Derive(secretPurpose, secretRecord, rotation) + ".ics"
}

// Feed returns the calendar for a presented secret, or model.ErrNotFound when it is not the
// current one (a wrong, old or renewed secret looks like a missing page).
func (s *Service) Feed(ctx context.Context, presented string) ([]byte, error) {
	rotation, err := s.st.CounterSetting(ctx, model.SettingCalendarRotation)
	if err != nil {
		return nil, err
	}
	if !s.keys.Matches(presented, secretPurpose, secretRecord, rotation) {
		return nil, fmt.Errorf("calendar feed: %w", model.ErrNotFound)
	}
	now := s.now()
	dates, err := s.st.CalendarDates(ctx, now.AddDate(0, 0, -RecentDays))
	if err != nil {
		return nil, err
	}
	t := s.catalog.For(s.set.Language)
	events := make([]mail.FeedEvent, 0, len(dates))
	for _, d := range dates {
		events = append(events, s.event(t, d))
	}
	return mail.BuildFeed(t.T("calendar.name"), events, now)
}

// event is one date as the trainer's calendar shows it.
func (s *Service) event(t *i18n.Translator, d model.SeminarDate) mail.FeedEvent {
	title := ""
	if d.Seminar != nil {
		title = d.Seminar.Title(t.Lang)
	}
	var lines []string
	if d.Status == model.DateCancelled {
		lines = append(lines, t.T("calendar.cancelled"))
	}
	lines = append(lines, FillLevel(t, d))
	if d.Format == model.FormatOnline && d.OnlineURL != "" {
		lines = append(lines, t.T("calendar.online", "URL", d.OnlineURL))
	}
	admin := fmt.Sprintf("%s/admin/dates/%d/attendees", s.set.BaseURL, d.ID)
	lines = append(lines, t.T("calendar.attendees", "URL", admin))
	return mail.FeedEvent{
		UID:          fmt.Sprintf("trainer-date-%d@%s", d.ID, host(s.set.BaseURL)),
		Sequence:     sequence(d.UpdatedAt),
		Start:        d.StartsAt,
		End:          d.EndsAt,
		Title:        title,
		Location:     location(d),
		Description:  strings.Join(lines, "\n"),
		URL:          admin,
		Cancelled:    d.Status == model.DateCancelled,
		LastModified: d.UpdatedAt,
	}
}

// FillLevel is the fill level in the description: the seats taken of the capacity ("12/16
// belegt"); with a minimum of participants also the run decision, by the same rule as
// "guaranteed" (confirmed seats, DESIGN "Decisions"): "12/16 · Mindestzahl erreicht",
// "5/16 · Mindestzahl 6 noch nicht erreicht", or "5/16 · Durchführung bestätigt" once the
// trainer confirmed the date below its minimum. d needs SeatsConfirmed filled.
func FillLevel(t *i18n.Translator, d model.SeminarDate) string {
	taken, capacity, minimum := d.SeatsTaken, d.Capacity, d.MinParticipants
	switch {
	case minimum <= 0:
		return t.T("calendar.fill", "Taken", taken, "Capacity", capacity)
	case d.SeatsConfirmed >= minimum:
		return t.T("calendar.fill_min_reached", "Taken", taken, "Capacity", capacity)
	case d.RunConfirmedAt != nil:
		return t.T("calendar.fill_run_confirmed", "Taken", taken, "Capacity", capacity)
	default:
		return t.T("calendar.fill_min_missing", "Taken", taken, "Capacity", capacity, "Minimum", minimum)
	}
}

// location is where the date takes place: the venue's name, room and address as attendees'
// invites name it (model.SeminarDate.Place), or the online link for an online date.
func location(d model.SeminarDate) string {
	if d.Format == model.FormatOnline {
		return d.OnlineURL
	}
	return d.Place()
}

// sequenceEpoch starts the count of SEQUENCE: seconds of updated_at since 2020 grow with every
// change and, unlike Unix seconds (past 2^31 in 2038), fit the 32-bit integer some calendar
// clients read SEQUENCE into until 2088.
var sequenceEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// sequence is a date's SEQUENCE, derived from when it last changed.
func sequence(updated time.Time) int64 {
	if n := int64(updated.Sub(sequenceEpoch) / time.Second); n > 0 {
		return n
	}
	return 0
}

// host is the base URL's host, the right-hand side of the feed's UIDs.
func host(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "seminars.invalid"
}
