package seminars

import (
	"os"
	"regexp"
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
		Volumes     []string          `yaml:"volumes"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

// settingNames is every SEMINARS_* variable the service reads: the keys of config/seminars.yaml
// in upper case, and SEMINARS_CONFIG.
func settingNames(t *testing.T) map[string]bool {
	t.Helper()
	known := map[string]bool{"SEMINARS_CONFIG": true}
	for _, s := range readSettings(t) {
		known["SEMINARS_"+strings.ToUpper(s.key)] = true
	}
	return known
}

// seminarsVar finds the SEMINARS_* names a file mentions: keys, ${...} references, ENV lines.
var seminarsVar = regexp.MustCompile(`\bSEMINARS_[A-Z0-9_]+`)

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
	// The data folder is a named volume, so `docker compose down` and a rebuild keep it.
	dataDir := app.Environment["SEMINARS_DATA_DIR"]
	mounted := false
	for _, v := range app.Volumes {
		name, target, _ := strings.Cut(v, ":")
		if _, declared := c.Volumes[name]; declared && strings.TrimSuffix(target, ":rw") == dataDir {
			mounted = true
		}
	}
	if !mounted {
		t.Errorf("docker-compose.yml: seminars mounts no named volume on its data folder %q", dataDir)
	}
	if db := app.Environment["SEMINARS_DATABASE"]; !strings.Contains(db, dataDir+"/") {
		t.Errorf("docker-compose.yml: the default SQLite file %q lies outside the data folder %q", db, dataDir)
	}
	if hc := strings.Join(app.Healthcheck.Test, " "); !strings.Contains(hc, "http://127.0.0.1:8080/healthz") {
		t.Errorf("docker-compose.yml: seminars health check %q does not ask /healthz", hc)
	}

	// Every SEMINARS_* name anywhere in the file (keys and ${...} references, in any service).
	known := settingNames(t)
	for _, name := range seminarsVar.FindAllString(string(raw), -1) {
		if !known[name] {
			t.Errorf("docker-compose.yml names %s, which is no setting in config/seminars.yaml", name)
		}
	}

	// What the README and the file's own header promise: each profile named there exists.
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	profiles := map[string]bool{}
	for _, svc := range c.Services {
		for _, p := range svc.Profiles {
			profiles[p] = true
		}
	}
	promised := map[string]bool{}
	for _, m := range regexp.MustCompile("profiles? ((?:`[a-z]+`(?:,? and |, | or )?)+)").FindAllStringSubmatch(string(readme), -1) {
		for _, p := range regexp.MustCompile("`([a-z]+)`").FindAllStringSubmatch(m[1], -1) {
			promised[p[1]] = true
		}
	}
	for _, m := range regexp.MustCompile(`--profile ([a-z]+)`).FindAllStringSubmatch(string(readme)+string(raw), -1) {
		promised[m[1]] = true
	}
	if len(promised) == 0 {
		t.Errorf("README.md names no compose profile; the check below would prove nothing")
	}
	for p := range promised {
		if !profiles[p] {
			t.Errorf("README.md or docker-compose.yml names the profile %q, which docker-compose.yml lacks", p)
		}
	}
	if strings.Contains(string(readme), "Mailpit") && c.Services["mailpit"].Image == "" {
		t.Errorf("README.md promises Mailpit, which docker-compose.yml lacks")
	}
}

// dockerInstruction is one instruction of a Dockerfile, continuation lines joined.
type dockerInstruction struct {
	op, args string
}

// parseDockerfile splits a Dockerfile into instructions, dropping comments and joining lines
// that end in a backslash.
func parseDockerfile(src string) []dockerInstruction {
	var out []dockerInstruction
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "#") || (trimmed == "" && cur.Len() == 0) {
			continue
		}
		if more, ok := strings.CutSuffix(trimmed, "\\"); ok {
			cur.WriteString(more + " ")
			continue
		}
		cur.WriteString(trimmed)
		op, args, _ := strings.Cut(strings.TrimSpace(cur.String()), " ")
		out = append(out, dockerInstruction{op: strings.ToUpper(op), args: strings.TrimSpace(args)})
		cur.Reset()
	}
	return out
}

// TestDockerfileInSync checks what must agree with the rest of the repository: the build stage's
// Go is go.mod's, the image's settings exist, it runs as a non-root user, keeps its data folder
// in a volume and reports its health from /healthz.
func TestDockerfileInSync(t *testing.T) {
	raw, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go ([0-9.]+)$`).FindSubmatch(gomod)
	if goLine == nil {
		t.Fatal("go.mod has no go line")
	}
	instructions := parseDockerfile(string(raw))
	var stages [][]dockerInstruction
	for _, in := range instructions {
		if in.op == "FROM" {
			stages = append(stages, nil)
		}
		if len(stages) > 0 {
			stages[len(stages)-1] = append(stages[len(stages)-1], in)
		}
	}
	if len(stages) != 2 {
		t.Fatalf("Dockerfile has %d stages, want 2 (build, runtime)", len(stages))
	}
	build := regexp.MustCompile(`^golang:([0-9.]+)-\S+ AS build$`).FindStringSubmatch(stages[0][0].args)
	if build == nil {
		t.Fatalf("Dockerfile build stage %q is no golang:<version>-<os> AS build", stages[0][0].args)
	}
	if build[1] != string(goLine[1]) {
		t.Errorf("Dockerfile builds with Go %s, go.mod says go %s", build[1], goLine[1])
	}

	env := map[string]string{}
	var user, health string
	var volumes []string
	for _, in := range stages[1] {
		switch in.op {
		case "ENV":
			for _, kv := range regexp.MustCompile(`([A-Z0-9_]+)="?([^" ]*)"?`).FindAllStringSubmatch(in.args, -1) {
				env[kv[1]] = kv[2]
			}
		case "USER":
			user = in.args
		case "VOLUME":
			volumes = regexp.MustCompile(`"([^"]+)"`).FindAllString(in.args, -1)
		case "HEALTHCHECK":
			health = in.args
		}
	}
	known := settingNames(t)
	for name := range env {
		if strings.HasPrefix(name, "SEMINARS_") && !known[name] {
			t.Errorf("Dockerfile sets %s, which is no setting in config/seminars.yaml", name)
		}
	}
	if user == "" || user == "root" || user == "0" {
		t.Errorf("Dockerfile runtime runs as %q, want a non-root user", user)
	}
	dataDir := env["SEMINARS_DATA_DIR"]
	if dataDir == "" || !slices.Contains(volumes, `"`+dataDir+`"`) {
		t.Errorf("Dockerfile: data folder %q is not a VOLUME (%v)", dataDir, volumes)
	}
	if !strings.HasPrefix(env["SEMINARS_DATABASE"], dataDir+"/") {
		t.Errorf("Dockerfile: SQLite file %q lies outside the data volume %q", env["SEMINARS_DATABASE"], dataDir)
	}
	_, port, _ := strings.Cut(env["SEMINARS_ADDR"], ":")
	if !strings.Contains(health, "http://127.0.0.1:"+port+"/healthz") {
		t.Errorf("Dockerfile HEALTHCHECK %q does not ask /healthz on port %q", health, port)
	}
	if strings.Contains(health, "curl") && !regexp.MustCompile(`apt-get install [^&]*\bcurl\b`).Match(raw) {
		t.Errorf("Dockerfile HEALTHCHECK uses curl, which the runtime stage does not install")
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
