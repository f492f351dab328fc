package seminars

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"seminars/internal/config"
)

var updateEnvExample = flag.Bool("update", false, "rewrite .env.example from config/seminars.yaml")

// setting is one top-level key of config/seminars.yaml with its default and the first sentence
// of the comment above it (or above the group it belongs to).
type setting struct {
	key, value, comment string
	// grouped: the key has no comment of its own and shares the one above (admin_password).
	grouped bool
}

// readSettings reads config/seminars.yaml in file order, keeping the comments: they are the
// documentation .env.example repeats, so the two cannot drift apart.
func readSettings(t *testing.T) []setting {
	t.Helper()
	raw, err := Files.ReadFile("config/seminars.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("config/seminars.yaml: %v", err)
	}
	root := doc.Content[0]
	var out []setting
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		c := firstSentence(k.HeadComment)
		out = append(out, setting{key: k.Value, value: v.Value, comment: c, grouped: c == "" && i > 0})
	}
	return out
}

// firstSentence is the last comment paragraph above a key (earlier ones head a section), joined
// into one line and cut after its first sentence.
func firstSentence(head string) string {
	paras := strings.Split(strings.TrimSpace(head), "\n\n")
	var words []string
	for _, line := range strings.Split(paras[len(paras)-1], "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "#"))
		if line != "" {
			words = append(words, line)
		}
	}
	text := strings.Join(words, " ")
	for _, m := range regexp.MustCompile(`[.…] [A-Z0-9"(]`).FindAllStringIndex(text, -1) {
		if before := text[:m[0]+1]; !strings.HasSuffix(before, "e.g.") && !strings.HasSuffix(before, "i.e.") {
			return before
		}
	}
	return text
}

// envValue quotes a default the way a shell and docker compose's env_file both read it.
func envValue(v string) string {
	if !strings.ContainsAny(v, " \t\"'$`\\#<>&;|()*?~") {
		return v
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, "`", "\\`").Replace(v) + `"`
}

// renderEnvExample is .env.example as it must be: every setting commented out with its default,
// so that copying the file changes nothing until a line is uncommented.
func renderEnvExample(settings []setting) string {
	var b strings.Builder
	b.WriteString(`# Seminars — every setting as an environment variable, with its default.
# Generated from config/seminars.yaml by "go test -run TestEnvExample -update ." (the comments there
# say more). Copy to .env and uncomment what you change; unset variables keep the default.
# docker-compose.yml sets SEMINARS_ADDR, SEMINARS_DATA_DIR and SEMINARS_SMTP_URL for the container.

# A YAML file read after the defaults (same keys as config/seminars.yaml); variables still win.
#SEMINARS_CONFIG=
`)
	for _, s := range settings {
		if !s.grouped {
			fmt.Fprintf(&b, "\n# %s\n", s.comment)
		}
		fmt.Fprintf(&b, "#%s%s=%s\n", config.EnvPrefix, strings.ToUpper(s.key), envValue(s.value))
	}
	return b.String()
}

// TestEnvExample checks that .env.example names exactly the settings the service reads — the
// keys of config/seminars.yaml, which are the koanf keys of config.Config, plus SEMINARS_CONFIG —
// each with its default and comment.
func TestEnvExample(t *testing.T) {
	settings := readSettings(t)
	var yamlKeys, structKeys []string
	for _, s := range settings {
		yamlKeys = append(yamlKeys, s.key)
	}
	ct := reflect.TypeFor[config.Config]()
	for i := range ct.NumField() {
		if tag := ct.Field(i).Tag.Get("koanf"); tag != "" && tag != "-" {
			structKeys = append(structKeys, tag)
		}
	}
	for _, k := range structKeys {
		if !slices.Contains(yamlKeys, k) {
			t.Errorf("config.Config reads %q, which config/seminars.yaml does not list with a default", k)
		}
	}
	for _, k := range yamlKeys {
		if !slices.Contains(structKeys, k) {
			t.Errorf("config/seminars.yaml lists %q, which config.Config does not read", k)
		}
	}

	want := renderEnvExample(settings)
	if *updateEnvExample {
		if err := os.WriteFile(".env.example", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(".env.example")
	if err != nil {
		t.Fatalf("%v (run go test -run TestEnvExample -update .)", err)
	}
	known := map[string]bool{config.EnvPrefix + "CONFIG": true}
	for _, k := range yamlKeys {
		known[config.EnvPrefix+strings.ToUpper(k)] = true
	}
	named := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#?(SEMINARS_[A-Z0-9_]+)=`).FindAllStringSubmatch(string(raw), -1) {
		named[m[1]] = true
		if !known[m[1]] {
			t.Errorf(".env.example names %s, which is no setting", m[1])
		}
	}
	for name := range known {
		if !named[name] {
			t.Errorf(".env.example lacks %s", name)
		}
	}
	if string(raw) != want {
		t.Errorf(".env.example differs from config/seminars.yaml; run go test -run TestEnvExample -update .")
	}
}
