package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"seminars/internal/app"
	"seminars/internal/calendar"
	"seminars/internal/config"
	"seminars/internal/i18n"
	"seminars/internal/secret"
	"seminars/internal/store"
)

const calendarUsage = "usage: seminars calendar url | seminars calendar renew"

// calendarCommand prints the URL of the trainer's calendar feed (as the last word, for scripts),
// or renews it, which kills the old URL.
func calendarCommand(ctx context.Context, cfg config.Config, args []string, stdout io.Writer) error {
	if len(args) != 1 || (args[0] != "url" && args[0] != "renew") {
		return errors.New(calendarUsage)
	}
	st, err := store.Open(ctx, cfg.Database, store.WithClock(time.Now))
	if err != nil {
		return err
	}
	defer st.Close()
	feed, err := calendarService(ctx, cfg, st)
	if err != nil {
		return err
	}
	if args[0] == "renew" {
		url, err := feed.Renew(ctx, "cli")
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "The calendar feed has a new URL; the old one no longer works:\n%s\n", url)
		return nil
	}
	url, err := feed.URL(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "The trainer's calendar feed (subscribe to it in a calendar app):\n%s\n", url)
	return nil
}

// calendarService builds the feed over the same server secret the web server derives it from.
func calendarService(ctx context.Context, cfg config.Config, st *store.Store) (*calendar.Service, error) {
	key, err := app.SecretKey(ctx, cfg, st)
	if err != nil {
		return nil, err
	}
	keys, err := secret.New(key)
	if err != nil {
		return nil, err
	}
	catalog, err := i18n.New()
	if err != nil {
		return nil, err
	}
	return calendar.New(st, keys, catalog, app.CalendarSettings(cfg), time.Now), nil
}
