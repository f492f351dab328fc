// Command loadtest measures Seminars under load (issue 16) with vegeta as a library: the
// catalogue (HTML and JSON), a seminar page, confirmed invoice bookings on one date with unique
// attendees, and the baselines of the same run (GET /healthz of the same server, the bare SQLite
// loop: one INSERT per commit on the same disk with synchronous=FULL). Each figure is printed
// with its baseline and the ratio; -json FILE writes them as JSON.
//
//	go run ./cmd/loadtest                      build cmd/seminars and run it as a child process on a fresh SQLite file
//	go run ./cmd/loadtest -server-binary PATH  the same with a seminars binary built already
//	go run ./cmd/loadtest -in-process          run the server in this process instead (implied by -cpuprofile)
//	go run ./cmd/loadtest -url http://host:8080 -token TOKEN   load a running server
//
// A child server's RSS (VmRSS, RssAnon, RssFile of /proc/<pid>/status) is the server's alone; an
// in-process server's is the server's plus the load generator's.
//
// It optimises nothing and asserts nothing: the ratios are the result.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	flags.SetOutput(stderr)
	target := flags.String("url", "", "base URL of a running server (empty: start one on a fresh SQLite file)")
	serverBinary := flags.String("server-binary", "", "the seminars binary to run as the child server (empty: go build ./cmd/seminars of this tool's module)")
	inProcess := flags.Bool("in-process", false, "run the server in this process, not as a child (its RSS then includes the load generator's; -cpuprofile implies it)")
	token := flags.String("token", "", "owner's admin API token of the -url server, to create the load-test date")
	dateID := flags.Uint("date", 0, "book on this existing date of the -url server instead of creating one")
	duration := flags.Duration("duration", 5*time.Second, "how long each figure is measured")
	clients := flags.Int("clients", 64, "concurrent clients (HTTP connections)")
	dir := flags.String("dir", "", "folder for the in-process server's database and the bare SQLite loop (empty: a new temporary folder)")
	jsonFile := flags.String("json", "", "also write the figures as JSON to this file")
	postgres := flags.String("postgres", "", "PostgreSQL URL: the in-process server runs there (in a fresh schema) and the PostgreSQL figures with their plain Go peer are measured (empty: skip)")
	profileDir := flags.String("cpuprofile", "", "write a CPU profile per figure into this folder (<figure>.cpu); runs the server in-process, to profile its code")
	webhookSecret := flags.String("webhook-secret", "", "with -url: the server's Stripe webhook secret, to measure webhooks (empty: skip them)")
	mailBookings := flags.Int("mail-bookings", 2000, "bookings in the mail drain's burst (0: no mail figures; only with the in-process server)")
	smtpConnections := flags.Int("smtp-connections", 4, "SEMINARS_SMTP_CONNECTIONS of the mail drain's server, and the raw SMTP baseline's connections")
	mailOnly := flags.Bool("mail-only", false, "measure only the mail drain and its baseline")
	bookingsOnly := flags.Bool("bookings-only", false, "measure only the bare SQLite loop and the bookings right after it")
	postgresOnly := flags.Bool("postgres-only", false, "with -postgres: measure only the PostgreSQL figures (the peer and the bookings at 8 and 64 clients)")
	rounds := flags.Int("rounds", 1, "with -postgres-only: measure the PostgreSQL figures this many times, each peer right before its bookings, and report the medians")
	history := flags.Int("dashboard-bookings", 50000, "bookings of history seeded before the dashboard figure (in-process server)")
	adminEmail := flags.String("admin-email", "", "owner's e-mail of the -url server, for the dashboard figure")
	adminPassword := flags.String("admin-password", "", "owner's password of the -url server, for the dashboard figure")
	big := flags.Int("big", 0, "after the other figures, seed this many seminars with ten dates each (e.g. 500) and measure the catalogue again (in-process server only)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *clients < 1 || *duration <= 0 {
		return fmt.Errorf("-clients must be at least 1 and -duration positive")
	}
	workDir := *dir
	if workDir == "" {
		tmp, err := os.MkdirTemp("", "seminars-loadtest-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		workDir = tmp
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := &server{BaseURL: strings.TrimRight(*target, "/"), Token: *token, WebhookSecret: *webhookSecret, Stop: func() {},
		Login: staffLogin{Email: *adminEmail, Password: *adminPassword}}
	database := ""
	if *postgres != "" {
		if *target != "" {
			return fmt.Errorf("-postgres runs the server this tool starts; it does not go with -url")
		}
		schemaURL, drop, err := postgresSchema(ctx, *postgres)
		if err != nil {
			return err
		}
		defer drop()
		database = schemaURL
	}
	obs := &observer{profileDir: *profileDir}
	if *profileDir != "" {
		if err := os.MkdirAll(*profileDir, 0o755); err != nil {
			return err
		}
	}
	opts := Options{Clients: *clients, Duration: *duration, Dir: workDir, DateID: *dateID, Now: time.Now, Postgres: database, DashboardBookings: *history, Big: *big, Rounds: *rounds}
	mailOpts := MailOptions{Bookings: *mailBookings, Connections: *smtpConnections, Timeout: 10 * time.Minute}
	var note string
	switch {
	case *target != "":
	case *inProcess || *profileDir != "":
		var err error
		if srv, err = startServer(ctx, workDir, database, time.Now, log); err != nil {
			return err
		}
		obs.rss = startRSSSampler(20*time.Millisecond, func() int { return 0 })
		mailOpts.Start = inProcessMail(workDir, *smtpConnections, time.Now, log, srv.Stop)
		note = "RSS (idle, peak per figure) is of this process: the in-process server and the load generator together, an upper bound of the server's"
	default:
		binary := *serverBinary
		if binary == "" {
			fmt.Fprintln(stdout, "Building ./cmd/seminars …")
			var err error
			if binary, err = buildServer(ctx, workDir); err != nil {
				return err
			}
		}
		kids := &children{binary: binary}
		var err error
		if srv, err = kids.start(ctx, workDir, database); err != nil {
			return err
		}
		obs.rss = startRSSSampler(20*time.Millisecond, kids.currentPID)
		mailOpts.Start = childMail(kids, workDir, *smtpConnections, srv.Stop)
		note = "RSS (idle, peak per figure) is of the server alone: the child process `" + binary + " serve`"
		if *big > 0 {
			note += "; the big catalogue's figures and those after them ran on the server restarted on the seeded database"
		}
	}
	if obs.rss != nil {
		defer obs.rss.stop()
		opts.Mail = mailOpts
	}
	defer srv.Stop()
	idle, err := idleRSS(ctx, obs, srv)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Loading %s with %d clients, %s per figure (bare SQLite loop in %s)\n", srv.BaseURL, *clients, *duration, workDir)
	progress := func(f Figure) { fmt.Fprintf(stdout, "  measured %-18s %10.1f/s\n", f.Name, f.PerSecond) }
	measureAll := measure
	if *mailOnly {
		measureAll = measureMail
	}
	if *bookingsOnly {
		measureAll = measureBookingsOnly
	}
	if *postgresOnly {
		measureAll = measurePostgresOnly
	}
	rep, err := measureAll(withObserver(ctx, obs), srv, opts, progress)
	if err != nil {
		return err
	}
	rep.IdleRSSMiB, rep.IdleRSSAnonMiB, rep.IdleRSSFileMiB = mib(idle.RSS), mib(idle.Anon), mib(idle.File)
	if idle.RSS > 0 {
		rep.Notes = append(rep.Notes, note)
	}
	if *target != "" {
		rep.Notes = append(rep.Notes, "the bare SQLite loop ran on this machine's disk ("+workDir+"); it is the same disk as the server's only if the server runs here")
	}
	printReport(stdout, rep)
	if *jsonFile != "" {
		return writeJSON(*jsonFile, rep)
	}
	return nil
}

func writeJSON(file string, rep Report) error {
	raw, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(raw, '\n'), 0o644)
}

// printReport writes one line per figure: rate, latencies, errors, baseline and ratio.
func printReport(w io.Writer, rep Report) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "figure\tper s\tp50 ms\tp99 ms\trequests\terrors\tbaseline\tbaseline per s\tratio\tpeak RSS MiB (anon+file)\t")
	for _, f := range rep.Figures {
		base, basePS, ratio := "-", "-", "-"
		if f.Baseline != "" {
			base, basePS, ratio = f.Baseline, fmt.Sprintf("%.1f", f.BaselinePS), fmt.Sprintf("%.3f", f.Ratio)
		}
		rss := "-"
		if f.PeakRSSMiB > 0 {
			rss = fmt.Sprintf("%.1f (%.1f+%.1f)", f.PeakRSSMiB, f.PeakRSSAnonMiB, f.PeakRSSFileMiB)
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%.2f\t%.2f\t%d\t%d\t%s\t%s\t%s\t%s\t\n", f.Name, f.PerSecond, f.P50Ms, f.P99Ms, f.Requests, f.Errors, base, basePS, ratio, rss)
	}
	tw.Flush()
	if rep.IdleRSSMiB > 0 {
		fmt.Fprintf(w, "idle RSS (start-up's background jobs done, then 3 s without requests): %.1f MiB (anonymous %.1f, file %.1f)\n", rep.IdleRSSMiB, rep.IdleRSSAnonMiB, rep.IdleRSSFileMiB)
	}
	for _, f := range rep.Figures {
		fmt.Fprintf(w, "%-18s %s\n", f.Name, f.What)
		if len(f.Extra) > 0 {
			fmt.Fprintf(w, "%-18s %s\n", "", extraText(f.Extra))
		}
		if f.ErrorSample != "" {
			fmt.Fprintf(w, "%-18s most common error: %s\n", "", f.ErrorSample)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}

// idleRSS is the server's memory when it has nothing to do: its start-up's background jobs done
// (the demo's documents rendered and mailed: settle) and then idleQuiet without a request, long
// enough for the server's release of freed memory after a burst (cmd/seminars/memory.go: one
// quiet second, checked once a second). Read earlier, "idle" was a server still rendering the
// demo's documents. Zero when the server runs elsewhere or the system has no /proc.
func idleRSS(ctx context.Context, obs *observer, srv *server) (memStatus, error) {
	if obs.rss == nil {
		return memStatus{}, nil
	}
	if _, err := settle(ctx, srv, settleLimit, settlePoll); err != nil {
		return memStatus{}, fmt.Errorf("before the idle RSS: %w", err)
	}
	select {
	case <-ctx.Done():
		return memStatus{}, ctx.Err()
	case <-time.After(idleQuiet):
	}
	m, _ := obs.rss.now()
	return m, nil
}

// idleQuiet is how long the server is left alone before its idle RSS is read: the release's
// quiet second, its one-second tick, and a second for the release itself on a busy machine.
const idleQuiet = 3 * time.Second
