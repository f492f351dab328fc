package seminars

import (
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// composeFile is the part of docker-compose.yml the checks below read.
type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       any               `yaml:"build"`
		Ports       []string          `yaml:"ports"`
		Environment map[string]string `yaml:"environment"`
		Profiles    []string          `yaml:"profiles"`
		Command     []string          `yaml:"command"`
		DependsOn   []string          `yaml:"depends_on"`
	} `yaml:"services"`
}

// TestDockerCompose checks that `docker compose up` runs the service with Mailpit as its mail
// server, that PostgreSQL and the Stripe CLI come with their profiles, and that every setting
// the compose file passes is one the service knows.
func TestDockerCompose(t *testing.T) {
	raw, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	app, mailpit, pg, stripe := c.Services["seminars"], c.Services["mailpit"], c.Services["postgres"], c.Services["stripe"]
	checks := []struct {
		name string
		ok   bool
	}{
		{"seminars is built from the Dockerfile", app.Build == "."},
		{"seminars publishes 8080", slices.Contains(app.Ports, "8080:8080")},
		{"seminars sends through Mailpit", app.Environment["SEMINARS_SMTP_URL"] == "smtp://mailpit:1025"},
		{"seminars keeps its data in the volume", app.Environment["SEMINARS_DATA_DIR"] == "/data"},
		{"seminars starts after Mailpit", slices.Contains(app.DependsOn, "mailpit")},
		{"seminars runs without a profile", len(app.Profiles) == 0},
		{"mailpit image", strings.HasPrefix(mailpit.Image, "axllent/mailpit")},
		{"mailpit web UI on 8025", slices.Contains(mailpit.Ports, "8025:8025")},
		{"mailpit SMTP on 1025", slices.Contains(mailpit.Ports, "1025:1025")},
		{"mailpit shows a re-sent message once", mailpit.Environment["MP_IGNORE_DUPLICATE_IDS"] == "true"},
		{"postgres 15 under the postgres profile", pg.Image == "postgres:15" && slices.Equal(pg.Profiles, []string{"postgres"})},
		{"stripe CLI under the stripe profile", strings.HasPrefix(stripe.Image, "stripe/stripe-cli") && slices.Equal(stripe.Profiles, []string{"stripe"})},
		{"stripe CLI forwards webhooks", slices.Contains(stripe.Command, "listen") && slices.Contains(stripe.Command, "http://seminars:8080/webhooks/stripe")},
	}
	for _, ch := range checks {
		if !ch.ok {
			t.Errorf("docker-compose.yml: %s", ch.name)
		}
	}
	defaults, err := Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var keys map[string]any
	if err := yaml.Unmarshal(defaults, &keys); err != nil {
		t.Fatal(err)
	}
	for name := range app.Environment {
		key := strings.ToLower(strings.TrimPrefix(name, "SEMINARS_"))
		if _, ok := keys[key]; !ok {
			t.Errorf("docker-compose.yml sets %s, which is no setting in config/seminars.yaml", name)
		}
	}
}

// TestDockerfile checks the two stages: a cgo build (the SQLite driver needs it) and a slim
// Debian runtime.
func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(raw)
	for _, want := range []string{"FROM golang:1.26", "CGO_ENABLED=1", "FROM debian:", "-slim", "tzdata", "USER seminars", "./cmd/seminars"} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
}
