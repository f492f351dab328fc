package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"seminars/internal/store"
)

// childStartTimeout bounds a child's start: migrating and seeding the demo on a busy machine.
const childStartTimeout = 3 * time.Minute

// children starts the service as child processes of this tool (`seminars serve` of binary), so
// the RSS the tool reports is the server's alone, not the server's plus the load generator's.
// It remembers the running child's pid for the RSS sampler: the mail drain and the big
// catalogue replace the first child by another one.
type children struct {
	binary string
	pid    atomic.Int64
}

// currentPID is the running child's pid, 0 between two children.
func (c *children) currentPID() int { return int(c.pid.Load()) }

// start runs `seminars serve` on the database (a postgres:// URL, or "" for dir/seminars.db) with
// the settings of the in-process server (demo catalogue, no booking rate limit, the load-test
// webhook secret, an owner to sign in as) and env, waits until /healthz answers, and creates an
// owner's admin API token with the service's own command (`seminars token create`).
func (c *children) start(ctx context.Context, dir, database string, env ...string) (*server, error) {
	if database == "" {
		database = filepath.Join(dir, "seminars.db")
	}
	login := newStaffLogin()
	ch := &child{owner: c, dir: dir, env: append([]string{
		"SEMINARS_DATABASE=" + database,
		"SEMINARS_DATA_DIR=" + dir,
		"SEMINARS_DEMO=true",
		"SEMINARS_BOOKING_RATE_LIMIT=0",
		"SEMINARS_STRIPE_WEBHOOK_SECRET=" + loadWebhookSecret,
		"SEMINARS_ADMIN_EMAIL=" + login.Email,
		"SEMINARS_ADMIN_PASSWORD=" + login.Password,
	}, env...), addr: "127.0.0.1:0"}
	if err := ch.run(ctx); err != nil {
		return nil, err
	}
	token, err := ch.command(ctx, "token", "create", "--name", "loadtest")
	if err != nil {
		ch.stop()
		return nil, err
	}
	seed := func(ctx context.Context, dateID uint, n int) error {
		// The dashboard caches nothing: history written beside the running server is what it reads.
		return withStore(ctx, database, func(st *store.Store) error { return seedHistory(ctx, st, dateID, n, time.Now()) })
	}
	seedCatalogue := func(ctx context.Context, n int) error {
		// The public pages are cached by a data version that moves with this process's writes
		// (on SQLite), so the seminars are written while the server is stopped, and the server
		// starts again on the bigger database — as after a restart.
		ch.stop()
		err := withStore(ctx, database, func(st *store.Store) error { return seedBigCatalogue(ctx, st, n, time.Now()) })
		if err != nil {
			return err
		}
		return ch.run(ctx)
	}
	// The backlog is read through one store of this process, opened at the first question.
	var backlogStore *store.Store
	backlog := func(ctx context.Context) (bool, error) {
		if backlogStore == nil {
			st, err := store.Open(ctx, database)
			if err != nil {
				return false, err
			}
			backlogStore = st
		}
		return backlogOf(ctx, backlogStore)
	}
	stop := func() {
		ch.stop()
		if backlogStore != nil {
			_ = backlogStore.Close()
			backlogStore = nil
		}
	}
	return &server{BaseURL: "http://" + ch.addr, Token: lastWord(token), WebhookSecret: loadWebhookSecret, Stop: stop,
		Login: login, Seed: seed, SeedCatalogue: seedCatalogue, Backlog: backlog}, nil
}

// withStore opens the server's database from this process for fn.
func withStore(ctx context.Context, database string, fn func(*store.Store) error) error {
	st, err := store.Open(ctx, database)
	if err != nil {
		return err
	}
	return errors.Join(fn(st), st.Close())
}

// child is one server process and the settings to start it again.
type child struct {
	owner *children
	dir   string
	env   []string
	addr  string // 127.0.0.1:0 before the first start, then the address it listens on
	cmd   *exec.Cmd
	done  chan struct{} // closed when the process has exited
}

// run starts the process and waits until it serves /healthz.
func (ch *child) run(ctx context.Context) error {
	logFile, err := os.OpenFile(filepath.Join(ch.dir, "serve.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(ch.owner.binary, "serve")
	cmd.Env = append(serverEnviron(), append(ch.env, "SEMINARS_ADDR="+ch.addr)...)
	cmd.Stderr = logFile
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		logFile.Close()
		return err
	}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("start %s serve: %w", ch.owner.binary, err)
	}
	done := make(chan struct{})
	ch.cmd, ch.done = cmd, done
	listening := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(logFile, line)
			if _, addr, ok := strings.Cut(line, "(listening on "); ok {
				select {
				case listening <- strings.TrimSuffix(addr, ")"):
				default:
				}
			}
		}
		_, _ = io.Copy(logFile, stdout)
		_ = cmd.Wait()
		logFile.Close()
		ch.owner.pid.CompareAndSwap(int64(cmd.Process.Pid), 0)
		close(done)
	}()
	ch.owner.pid.Store(int64(cmd.Process.Pid))
	fail := func(err error) error {
		ch.stop()
		return fmt.Errorf("%w (see %s)", err, logFile.Name())
	}
	select {
	case ch.addr = <-listening:
	case <-done:
		return fail(errors.New("the server exited before it listened"))
	case <-time.After(childStartTimeout):
		return fail(fmt.Errorf("the server did not listen within %s", childStartTimeout))
	case <-ctx.Done():
		return fail(ctx.Err())
	}
	return waitHealthy(ctx, "http://"+ch.addr, done, fail)
}

// waitHealthy polls /healthz until it answers 200.
func waitHealthy(ctx context.Context, base string, exited <-chan struct{}, fail func(error) error) error {
	deadline := time.Now().Add(childStartTimeout)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/healthz", nil)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-exited:
			return fail(errors.New("the server exited"))
		case <-ctx.Done():
			return fail(ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fail(fmt.Errorf("GET %s/healthz did not answer 200 within %s", base, childStartTimeout))
		}
	}
}

// stop ends the process as an operator would (SIGTERM: serve drains its requests and stops its
// jobs), and kills it if it has not exited after 30 s. Stopping a stopped child does nothing.
func (ch *child) stop() {
	if ch.cmd == nil {
		return
	}
	_ = ch.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-ch.done:
	case <-time.After(30 * time.Second):
		_ = ch.cmd.Process.Kill()
		<-ch.done
	}
	ch.cmd = nil
}

// command runs another subcommand of the binary with the server's settings and returns its
// standard output.
func (ch *child) command(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, ch.owner.binary, args...)
	cmd.Env = append(serverEnviron(), ch.env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("seminars %s: %w: %s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// serverEnviron is this process's environment without SEMINARS_ settings, so that only the
// tool's settings reach the child.
func serverEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SEMINARS_") {
			env = append(env, kv)
		}
	}
	return env
}

func lastWord(s string) string {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return ""
	}
	return fields[len(fields)-1]
}

// buildServer builds cmd/seminars of the module this tool was built from into dir and returns the
// binary's path (a tool built with -trimpath does not know its module's folder: give
// -server-binary).
func buildServer(ctx context.Context, dir string) (string, error) {
	_, file, _, ok := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); !ok || err != nil {
		return "", fmt.Errorf("cannot find the module to build the server from; give -server-binary")
	}
	out := filepath.Join(dir, "seminars")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, "./cmd/seminars")
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/seminars: %w\n%s", err, msg)
	}
	return out, nil
}
