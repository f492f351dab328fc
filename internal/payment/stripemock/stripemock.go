// Package stripemock starts Stripe's official mock server (pinned in go.mod as a Go tool) for
// tests, so that `go test ./...` needs nothing installed by hand.
package stripemock

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Server is a running stripe-mock.
type Server struct {
	URL string
	cmd *exec.Cmd
}

// Start runs `go tool stripe-mock` on a free local port and waits until it accepts connections.
// The first run in a fresh build cache compiles stripe-mock, which takes a while.
func Start() (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	// stripe-mock also serves HTTPS, on :12112 unless told otherwise; a system-chosen port lets
	// several test packages run their own mock at the same time.
	cmd := exec.Command("go", "tool", "stripe-mock", "-http-addr", addr, "-https-addr", "127.0.0.1:0")
	cmd.Stdout, cmd.Stderr = nil, os.Stderr
	// Its own process group: `go tool` runs the mock as a child, and Stop must end both.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("stripe-mock: %w", err)
	}
	s := &Server{URL: "http://" + addr, cmd: cmd}
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		if conn, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			_ = conn.Close()
			return s, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.Stop()
	return nil, fmt.Errorf("stripe-mock did not listen on %s", addr)
}

// Stop ends stripe-mock and the go command that started it.
func (s *Server) Stop() {
	if s == nil || s.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	_ = s.cmd.Wait()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// RunTests is a TestMain body: it starts stripe-mock, hands its URL to setURL, runs the
// package's tests and stops the mock, so every payment test in a package shares one server.
func RunTests(m interface{ Run() int }, setURL func(string)) int {
	srv, err := Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer srv.Stop()
	setURL(srv.URL)
	return m.Run()
}
