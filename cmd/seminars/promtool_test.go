package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// promtoolCheck lints a /metrics exposition with Prometheus's own `promtool check metrics`.
// Locally a missing promtool skips the check; under CI=true, where .ci/run installs it, it fails.
func promtoolCheck(t *testing.T, exposition string) {
	t.Helper()
	promtool, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("promtool is required under CI (Debian package prometheus)")
		}
		t.Log("promtool not installed (apt-get install prometheus): /metrics not linted")
		return
	}
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = strings.NewReader(exposition)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out.String())
	}
}
