package web

import (
	"net/http"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"seminars/internal/model"
)

// TestOpenAPIBodiesAnswer413 checks the spec against the server: every documented operation
// that takes a request body lists the 413 answer, and a body above max_body_bytes gets it.
func TestOpenAPIBodiesAnswer413(t *testing.T) {
	env := newAdminEnv(t)
	status, body := env.api(http.MethodGet, "/api/v1/openapi.yaml", "", "")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	var doc struct {
		Paths      map[string]map[string]yaml.Node `yaml:"paths"`
		Components struct {
			Responses map[string]any `yaml:"responses"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"PayloadTooLarge", "MethodNotAllowed"} {
		if doc.Components.Responses[name] == nil {
			t.Errorf("components/responses/%s is missing", name)
		}
	}
	huge := `{"title_de":"` + strings.Repeat("x", int(env.srv.cfg.MaxBodyBytes)) + `"}`
	owner, err := env.srv.auth.CreateAPIToken(t.Context(), "bodies", model.RoleOwner)
	if err != nil {
		t.Fatal(err)
	}
	for path, ops := range doc.Paths {
		for method, node := range ops {
			var op struct {
				RequestBody any            `yaml:"requestBody"`
				Responses   map[string]any `yaml:"responses"`
			}
			if method == "parameters" || node.Decode(&op) != nil || op.RequestBody == nil {
				continue
			}
			if op.Responses["413"] == nil {
				t.Errorf("%s %s takes a body but does not document 413", method, path)
			}
			concrete := strings.NewReplacer("{id}", "1", "{reference}", "SEM-ABC123", "{attendee}", "1").Replace(path)
			if status, _ := env.api(strings.ToUpper(method), "/api/v1"+concrete, owner, huge); status != http.StatusRequestEntityTooLarge {
				t.Errorf("%s %s with a huge body: status %d, want 413", method, path, status)
			}
		}
	}
}
