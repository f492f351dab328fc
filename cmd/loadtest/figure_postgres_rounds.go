package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
)

// measurePostgresOnly is -postgres-only: only the PostgreSQL figures (the plain Go peer and the
// server's bookings at each of postgresClients), opts.Rounds times over. The peer swings by up
// to 7× between runs on the shared two cores (161–1,171/s at 8 clients in session 22), so one
// peer figure next to one booking figure says little: each round measures the peer and then the
// bookings right after it, each round's figures are reported as they are (`…_rN`), and with
// more than one round the figures without the suffix are the medians over the rounds, the
// ratio being the median of the rounds' own ratios (min and max of both in Extra).
func measurePostgresOnly(ctx context.Context, srv *server, opts Options, progress func(Figure)) (Report, error) {
	rep := Report{Target: srv.BaseURL, Clients: opts.Clients, Duration: opts.Duration.Seconds()}
	if opts.Postgres == "" {
		return rep, fmt.Errorf("-postgres-only needs -postgres")
	}
	seminarID, _, err := firstSeminar(ctx, srv.BaseURL)
	if err != nil {
		return rep, err
	}
	dateID, err := bookingDate(ctx, srv, opts, seminarID)
	if err != nil {
		return rep, err
	}
	rounds := max(1, opts.Rounds)
	run := strconv.FormatInt(opts.Now().UnixNano(), 36)
	byName := map[string][]Figure{}
	var names []string
	for r := 1; r <= rounds; r++ {
		figs, err := postgresFigures(ctx, srv, opts, dateID, run+"r"+strconv.Itoa(r), &rep)
		for _, f := range figs {
			if _, ok := byName[f.Name]; !ok {
				names = append(names, f.Name)
			}
			byName[f.Name] = append(byName[f.Name], f)
			if rounds > 1 {
				f.Name += "_r" + strconv.Itoa(r)
			}
			rep.Figures = append(rep.Figures, f)
			if progress != nil {
				progress(f)
			}
		}
		if err != nil {
			return rep, err
		}
	}
	if rounds > 1 {
		for _, name := range names {
			rep.Figures = append(rep.Figures, medianFigure(name, byName[name]))
		}
	}
	return rep, ctx.Err()
}

// medianFigure sums up one figure's rounds: the medians of rate, latencies, baseline and ratio,
// the requests and errors summed, and the spread in Extra.
func medianFigure(name string, rounds []Figure) Figure {
	pick := func(v func(Figure) float64) (med, lo, hi float64) {
		xs := make([]float64, len(rounds))
		for i, f := range rounds {
			xs[i] = v(f)
		}
		slices.Sort(xs)
		med = xs[len(xs)/2]
		if len(xs)%2 == 0 {
			med = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
		}
		return med, xs[0], xs[len(xs)-1]
	}
	f := Figure{Name: name, Baseline: rounds[0].Baseline, Extra: map[string]float64{"rounds": float64(len(rounds))}}
	f.What = fmt.Sprintf("median of %d rounds: %s", len(rounds), rounds[0].What)
	var lo, hi float64
	f.PerSecond, lo, hi = pick(func(f Figure) float64 { return f.PerSecond })
	f.Extra["per_second_min"], f.Extra["per_second_max"] = lo, hi
	f.P50Ms, _, _ = pick(func(f Figure) float64 { return f.P50Ms })
	f.P99Ms, _, _ = pick(func(f Figure) float64 { return f.P99Ms })
	if f.Baseline != "" {
		f.BaselinePS, _, _ = pick(func(f Figure) float64 { return f.BaselinePS })
		f.Ratio, lo, hi = pick(func(f Figure) float64 { return f.Ratio })
		f.Extra["ratio_min"], f.Extra["ratio_max"] = lo, hi
	}
	for _, r := range rounds {
		f.Requests += r.Requests
		f.Errors += r.Errors
		if r.ErrorSample != "" {
			f.ErrorSample = r.ErrorSample
		}
	}
	return f
}
