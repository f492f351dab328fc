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
	Anon uint64 // RssAnon: the private part of VmRSS
	File uint64 // RssFile: the mapped binary and files (shared, given back under memory pressure)
}

// parseStatus reads the memory lines of a /proc/<pid>/status text. A text without VmRSS (not
// Linux, or a kernel thread) is an error.
func parseStatus(text string) (memStatus, error) {
	var m memStatus
	fields := map[string]*uint64{"VmRSS": &m.RSS, "VmHWM": &m.Peak, "RssAnon": &m.Anon, "RssFile": &m.File}
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

// readStatus reads /proc/<pid>/status, /proc/self/status for pid 0.
func readStatus(pid int) (memStatus, error) {
	file := "/proc/self/status"
	if pid != 0 {
		file = "/proc/" + strconv.Itoa(pid) + "/status"
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return memStatus{}, err
	}
	return parseStatus(string(raw))
}

func mib(kib uint64) float64 { return float64(kib) / 1024 }

// rssSampler reads the server's RSS every interval and keeps the sample with the highest since it
// was last taken. pid names the server's process: a child process (the server alone), or 0 for
// this one — the in-process server shares it with the load generator, so its figures are the
// server's RSS plus vegeta's clients and results, an upper bound of the server's.
type rssSampler struct {
	pid  func() int
	mu   sync.Mutex
	peak memStatus
	stop func()
}

func startRSSSampler(interval time.Duration, pid func() int) *rssSampler {
	s := &rssSampler{pid: pid}
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
	m, err := s.now()
	if err != nil {
		return
	}
	s.mu.Lock()
	if m.RSS > s.peak.RSS {
		s.peak = m
	}
	s.mu.Unlock()
}

// now reads the server's memory now.
func (s *rssSampler) now() (memStatus, error) { return readStatus(s.pid()) }

// takePeak is the sample with the highest RSS since the last call, and starts the next period.
func (s *rssSampler) takePeak() memStatus {
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.peak
	s.peak = memStatus{}
	return p
}

// observer watches each figure while it runs: the peak RSS of the server and, with
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
			p := o.rss.takePeak()
			f.PeakRSSMiB, f.PeakRSSAnonMiB, f.PeakRSSFileMiB = mib(p.RSS), mib(p.Anon), mib(p.File)
		}
	}
}
