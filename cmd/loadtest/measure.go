package main

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// Options are the knobs of one run.
type Options struct {
	Clients  int
	Duration time.Duration
	// Dir holds the bare SQLite loop's file (the same disk as the in-process server's database).
	Dir string
	// DateID is an existing date to book on; 0 creates one through the admin API with Token.
	DateID uint
	// Now stamps the load-test date's start (90 days later) and the attendees' run id.
	Now func() time.Time
	// Postgres, when set, is the database URL the server runs on: the PostgreSQL figures
	// (figure_postgres.go) are measured too, with their plain Go peer on the same database.
	Postgres string
	// Rounds is how often -postgres-only measures the PostgreSQL figures (medians over them).
	Rounds int
	// Mail configures the mail drain (figure_mail.go); its zero value skips it.
	Mail MailOptions
	// DashboardBookings is the history seeded before the dashboard figure (in-process server).
	DashboardBookings int
	// Big, when above 0, seeds that many seminars (ten dates each) after the page figures and
	// measures the catalogue again (figure_big_catalogue.go).
	Big int
}

// Report is one run: every figure with its baseline from the same run.
type Report struct {
	Target string `json:"target"`
	// IdleRSSMiB is the server's RSS a second after start, before the first figure, with its
	// anonymous and file-backed parts (a server this tool started only).
	IdleRSSMiB     float64  `json:"idle_rss_mib,omitempty"`
	IdleRSSAnonMiB float64  `json:"idle_rss_anon_mib,omitempty"`
	IdleRSSFileMiB float64  `json:"idle_rss_file_mib,omitempty"`
	Clients        int      `json:"clients"`
	Duration       float64  `json:"duration_s"`
	Figures        []Figure `json:"figures"`
	Notes          []string `json:"notes,omitempty"`
}

// Figure names, also the keys of the JSON.
const (
	figHealthz     = "healthz"
	figCatalogue   = "catalogue"
	figSeminarsAPI = "api_seminars"
	figSeminar     = "seminar_page"
	figBookings    = "bookings"
	figBareLoop    = "sqlite_bare_loop"
)

// allFigures is every figure a complete run reports, in the order it measures them.
var allFigures = append([]string{figHealthz, figCatalogue, figSeminarsAPI, figSeminar, figWebhooks, figBareLoop, figBookings, figHealthzStorm, figCatalogueStorm, figDashboard}, mailFigures...)

// bookingDate is the date the bookings figures book on: -date, or one created through the
// admin API with the server's token.
func bookingDate(ctx context.Context, srv *server, opts Options, seminarID uint) (uint, error) {
	if opts.DateID != 0 {
		return opts.DateID, nil
	}
	if srv.Token == "" {
		return 0, fmt.Errorf("bookings need a date: give -date ID or -token (an owner's admin API token)")
	}
	return createLoadDate(ctx, srv.BaseURL, srv.Token, seminarID, opts.Now())
}

// bookingsFigure books on the date at all the clients for the figure's duration.
func bookingsFigure(ctx context.Context, srv *server, opts Options, dateID uint, run string) Figure {
	f := attack(ctx, figBookings, bookingTargeter(srv.BaseURL, dateID, run), opts.Clients, opts.Duration, confirmedBooking)
	f.What = fmt.Sprintf("POST /api/v1/bookings: confirmed invoice bookings, one new attendee each, on date %d (capacity %d), %s", dateID, loadCapacity, databaseName(opts))
	return f
}

// measure loads srv figure after figure, each for opts.Duration at opts.Clients, and relates
// each to its baseline: the pages and the API to GET /healthz of the same server, the bookings
// to the bare SQLite loop.
func measure(ctx context.Context, srv *server, opts Options, progress func(Figure)) (Report, error) {
	rep := Report{Target: srv.BaseURL, Clients: opts.Clients, Duration: opts.Duration.Seconds()}
	seminarID, slug, err := firstSeminar(ctx, srv.BaseURL)
	if err != nil {
		return rep, err
	}
	dateID, err := bookingDate(ctx, srv, opts, seminarID)
	if err != nil {
		return rep, err
	}
	add := func(f Figure, what string) Figure {
		if f.What == "" {
			f.What = what
		}
		rep.Figures = append(rep.Figures, f)
		if progress != nil {
			progress(f)
		}
		return f
	}
	get := func(name, path, what string) Figure {
		return add(attack(ctx, name, target(srv.BaseURL, path), opts.Clients, opts.Duration, nil), what)
	}
	health := get(figHealthz, "/healthz", "GET /healthz (baseline: one database ping)")
	pages := []Figure{
		get(figCatalogue, "/", "GET / (catalogue, HTML, German)"),
		get(figSeminarsAPI, "/api/v1/seminars", "GET /api/v1/seminars (catalogue, JSON)"),
		get(figSeminar, "/seminars/"+slug, "GET /seminars/"+slug+" (seminar page, HTML)"),
	}
	// The big catalogue (-big) is measured before the bookings, whose documents and mail keep
	// the background jobs busy long after them.
	if opts.Big > 0 {
		if err := measureBig(ctx, srv, opts, add); err != nil {
			return rep, err
		}
	}
	if f, ok, err := webhooksFigure(ctx, srv, opts); err != nil {
		return rep, err
	} else if ok {
		relate(&f, health)
		add(f, "")
	}
	// The bare loop runs just before the bookings, while the server is idle: after the bookings
	// its background jobs still render and send their documents and mail, and would slow it.
	bare, err := bareSQLiteLoop(ctx, opts.Dir, opts.Duration)
	if err != nil {
		return rep, fmt.Errorf("bare SQLite loop: %w", err)
	}
	bare = add(bare, "")
	run := strconv.FormatInt(opts.Now().UnixNano(), 36)
	bookings := add(bookingsFigure(ctx, srv, opts, dateID, run), "")
	// After the bookings, on their date: the catalogue while bookings keep moving the data version.
	// Each figure after the bookings first waits for the documents and mail of the ones before.
	if err := settleBefore(ctx, srv, &rep, figHealthzStorm); err != nil {
		return rep, err
	}
	measureStorm(ctx, srv, opts, dateID, run, health, add)
	if err := settleBefore(ctx, srv, &rep, figDashboard); err != nil {
		return rep, err
	}
	dashboard, err := measureDashboard(ctx, srv, opts, dateID)
	if err != nil {
		return rep, fmt.Errorf("dashboard: %w", err)
	}
	add(dashboard, "")
	if opts.Postgres != "" {
		if err := settleBefore(ctx, srv, &rep, "the PostgreSQL figures"); err != nil {
			return rep, err
		}
		pg, err := postgresFigures(ctx, srv, opts, dateID, run, &rep)
		rep.Figures = append(rep.Figures, pg...)
		if err != nil {
			return rep, err
		}
	}
	if opts.Mail.Bookings > 0 && opts.Mail.Start != nil {
		raw, drain, err := mailDrain(ctx, opts)
		if err != nil {
			return rep, err
		}
		add(raw, "")
		add(drain, "")
		relate(&rep.Figures[len(rep.Figures)-1], raw)
	}
	for i := range rep.Figures {
		f := &rep.Figures[i]
		switch f.Name {
		case pages[0].Name, pages[1].Name, pages[2].Name, figDashboard:
			relate(f, health)
		case bookings.Name:
			// The bare loop is SQLite's: with -postgres the server books on PostgreSQL, whose
			// own baseline is the plain Go peer of the PostgreSQL figures.
			if opts.Postgres == "" {
				relate(f, bare)
			}
		}
	}
	if ctx.Err() != nil {
		return rep, ctx.Err()
	}
	return rep, nil
}

func relate(f *Figure, baseline Figure) {
	f.Baseline, f.BaselinePS = baseline.Name, baseline.PerSecond
	if baseline.PerSecond > 0 {
		f.Ratio = f.PerSecond / baseline.PerSecond
	}
}

// databaseName is what the started server (or the -url one) books on, for the figures' texts.
func databaseName(opts Options) string {
	if opts.Postgres != "" {
		return "on PostgreSQL (no ratio to the SQLite loop)"
	}
	return "on the server's own database (SQLite for a started server)"
}
