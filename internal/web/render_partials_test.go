package web

import (
	"slices"
	"testing"

	"seminars"
)

// TestPagesParseOnlyThePartialsTheyUse: a page is parsed with the partials it reaches from the
// layout and its own templates, and with no others (each other one would be one more copy of
// its parse tree kept for the life of the process).
func TestPagesParseOnlyThePartialsTheyUse(t *testing.T) {
	ix, err := indexPartials(seminars.Files, templateFuncs())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, page string
		with       []string
		without    []string
	}{
		{"the error page has the layout's header and footer only", pageError,
			[]string{"header.html", "footer.html"}, []string{"widgets.html", "billing.html", "admin_nav.html"}},
		{"the booking form has billing and what billing invokes", pageBookingForm,
			[]string{"billing.html", "widgets.html", "header.html"}, []string{"admin_nav.html", "run_decision.html"}},
		{"the catalogue has no booking form parts", pageCatalogue,
			[]string{"header.html", "footer.html"}, []string{"billing.html", "booking_total.html"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ix.partialsFor(seminars.Files, templateFuncs(), "templates/"+c.page)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range c.with {
				if !slices.Contains(got, "templates/partials/"+f) {
					t.Errorf("%s parsed without %s: %v", c.page, f, got)
				}
			}
			for _, f := range c.without {
				if slices.Contains(got, "templates/partials/"+f) {
					t.Errorf("%s parsed with %s, which it does not use: %v", c.page, f, got)
				}
			}
		})
	}
}
