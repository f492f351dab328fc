package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memStatus is what /proc/<pid>/status says about a process's memory, in KiB.
type memStatus struct {
	RSS  uint64 // VmRSS: resident now
	Peak uint64 // VmHWM: the most ever resident
	Anon uint64 // RssAnon: the private part of VmRSS (the rest is the mapped binary and files)
}

// parseStatus reads the memory lines of a /proc/<pid>/status text. A text without VmRSS (not
// Linux, or a kernel thread) is an error.
func parseStatus(text string) (memStatus, error) {
	var m memStatus
	fields := map[string]*uint64{"VmRSS": &m.RSS, "VmHWM": &m.Peak, "RssAnon": &m.Anon}
	seen := false
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		key, value, ok := strings.Cut(sc.Text(), ":")
		dst := fields[key]
		if !ok || dst == nil {
			continue
		}
		num, unit, _ := strings.Cut(strings.TrimSpace(value), " ")
		n, err := strconv.ParseUint(num, 10, 64)
		if err != nil || unit != "kB" {
			return memStatus{}, fmt.Errorf("/proc status: %s: %q", key, value)
		}
		*dst = n
		seen = seen || key == "VmRSS"
	}
	if !seen {
		return memStatus{}, fmt.Errorf("/proc status: no VmRSS")
	}
	return m, nil
}

func readStatus() (memStatus, error) {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return memStatus{}, err
	}
	return parseStatus(string(raw))
}

func mib(kib uint64) float64 { return float64(kib) / 1024 }

// rssSampler reads this process's RSS every interval and keeps the highest since it was last
// taken. The in-process server shares the process with the load generator, so the figures
// are the server's RSS plus vegeta's clients and results: an upper bound of the server's.
type rssSampler struct {
	mu   sync.Mutex
	peak uint64
	stop func()
}

func startRSSSampler(interval time.Duration) *rssSampler {
	s := &rssSampler{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	s.stop = func() { cancel(); <-done }
	go func() {
		defer close(done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			s.sample()
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return s
}

func (s *rssSampler) sample() {
	m, err := readStatus()
	if err != nil {
		return
	}
	s.mu.Lock()
	s.peak = max(s.peak, m.RSS)
	s.mu.Unlock()
}

// takePeak is the highest RSS since the last call, in MiB, and starts the next period.
func (s *rssSampler) takePeak() float64 {
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.peak
	s.peak = 0
	return mib(p)
}

// observer watches each figure while it runs: the peak RSS of the in-process server and, with
// profileDir, a CPU profile per figure (profileDir/<figure>.cpu). It travels in the context so
// that every figure measured with attack or the bare loop is observed without more wiring.
type observer struct {
	rss        *rssSampler // nil when the server runs elsewhere (-url)
	profileDir string
}

type observerKey struct{}

func withObserver(ctx context.Context, o *observer) context.Context {
	return context.WithValue(ctx, observerKey{}, o)
}

// observe starts watching the figure name; the returned function ends it and fills f.
func observe(ctx context.Context, name string) func(f *Figure) {
	o, _ := ctx.Value(observerKey{}).(*observer)
	if o == nil {
		return func(*Figure) {}
	}
	if o.rss != nil {
		o.rss.takePeak() // the period before this figure is not its own
	}
	var profile *os.File
	var profileErr error
	if o.profileDir != "" {
		if profile, profileErr = os.Create(filepath.Join(o.profileDir, name+".cpu")); profileErr == nil {
			if profileErr = pprof.StartCPUProfile(profile); profileErr != nil {
				profile.Close()
				profile = nil
			}
		}
	}
	return func(f *Figure) {
		if profile != nil {
			pprof.StopCPUProfile()
			if err := profile.Close(); err != nil && f.ErrorSample == "" {
				f.ErrorSample = "cpu profile: " + err.Error()
			}
		} else if profileErr != nil && f.ErrorSample == "" {
			f.ErrorSample = "cpu profile: " + profileErr.Error()
		}
		if o.rss != nil {
			f.PeakRSSMiB = o.rss.takePeak()
		}
	}
}
