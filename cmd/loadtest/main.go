// Command loadtest measures Seminars under load (issue 16) with vegeta as a library: the
// catalogue (HTML and JSON), a seminar page, confirmed invoice bookings on one date with unique
// attendees, and the baselines of the same run (GET /healthz of the same server, the bare SQLite
// loop: one INSERT per commit on the same disk with synchronous=FULL). Each figure is printed
// with its baseline and the ratio; -json FILE writes them as JSON.
//
//	go run ./cmd/loadtest                      start a server in-process on a fresh SQLite file
//	go run ./cmd/loadtest -url http://host:8080 -token TOKEN   load a running server
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
	target := flags.String("url", "", "base URL of a running server (empty: start one in-process on a fresh SQLite file)")
	token := flags.String("token", "", "owner's admin API token of the -url server, to create the load-test date")
	dateID := flags.Uint("date", 0, "book on this existing date of the -url server instead of creating one")
	duration := flags.Duration("duration", 5*time.Second, "how long each figure is measured")
	clients := flags.Int("clients", 64, "concurrent clients (HTTP connections)")
	dir := flags.String("dir", "", "folder for the in-process server's database and the bare SQLite loop (empty: a new temporary folder)")
	jsonFile := flags.String("json", "", "also write the figures as JSON to this file")
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
	srv := &server{BaseURL: strings.TrimRight(*target, "/"), Token: *token, Stop: func() {}}
	if *target == "" {
		var err error
		if srv, err = startServer(ctx, workDir, time.Now, log); err != nil {
			return err
		}
	}
	defer srv.Stop()
	fmt.Fprintf(stdout, "Loading %s with %d clients, %s per figure (bare SQLite loop in %s)\n", srv.BaseURL, *clients, *duration, workDir)
	rep, err := measure(ctx, srv, Options{Clients: *clients, Duration: *duration, Dir: workDir, DateID: *dateID, Now: time.Now, Big: *big},
		func(f Figure) { fmt.Fprintf(stdout, "  measured %-18s %10.1f/s\n", f.Name, f.PerSecond) })
	if err != nil {
		return err
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
	fmt.Fprintln(tw, "figure\tper s\tp50 ms\tp99 ms\trequests\terrors\tbaseline\tbaseline per s\tratio\t")
	for _, f := range rep.Figures {
		base, basePS, ratio := "-", "-", "-"
		if f.Baseline != "" {
			base, basePS, ratio = f.Baseline, fmt.Sprintf("%.1f", f.BaselinePS), fmt.Sprintf("%.3f", f.Ratio)
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%.2f\t%.2f\t%d\t%d\t%s\t%s\t%s\t\n", f.Name, f.PerSecond, f.P50Ms, f.P99Ms, f.Requests, f.Errors, base, basePS, ratio)
	}
	tw.Flush()
	for _, f := range rep.Figures {
		fmt.Fprintf(w, "%-18s %s\n", f.Name, f.What)
		if f.ErrorSample != "" {
			fmt.Fprintf(w, "%-18s most common error: %s\n", "", f.ErrorSample)
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(w, "note:", n)
	}
}
