package main

import (
	"context"
	"fmt"
	"strconv"
)

// measureBookingsOnly measures only the bare SQLite loop and, right after it, the bookings
// figure, as measure does (-bookings-only): the pair issue 16's SQLite ratio is about, in a
// few seconds instead of the minutes the other figures' settling takes.
func measureBookingsOnly(ctx context.Context, srv *server, opts Options, progress func(Figure)) (Report, error) {
	rep := Report{Target: srv.BaseURL, Clients: opts.Clients, Duration: opts.Duration.Seconds()}
	seminarID, _, err := firstSeminar(ctx, srv.BaseURL)
	if err != nil {
		return rep, err
	}
	dateID, err := bookingDate(ctx, srv, opts, seminarID)
	if err != nil {
		return rep, err
	}
	bare, err := bareSQLiteLoop(ctx, opts.Dir, opts.Duration)
	if err != nil {
		return rep, fmt.Errorf("bare SQLite loop: %w", err)
	}
	run := strconv.FormatInt(opts.Now().UnixNano(), 36)
	bookings := bookingsFigure(ctx, srv, opts, dateID, run)
	relate(&bookings, bare)
	for _, f := range []Figure{bare, bookings} {
		rep.Figures = append(rep.Figures, f)
		progress(f)
	}
	return rep, nil
}
