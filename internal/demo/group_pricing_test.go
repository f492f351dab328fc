package demo

import (
	"testing"
	"time"

	"seminars/internal/model"
)

// TestCatalogueShowsGroupPricing: the demo catalogue has a seminar with a group discount of its
// own (issue 13), a valid one.
func TestCatalogueShowsGroupPricing(t *testing.T) {
	loc := berlin(t)
	for _, s := range Catalogue(time.Date(2026, 5, 13, 8, 30, 0, 0, loc), loc) {
		rule := model.GroupRuleOf(s, model.GroupRule{})
		if rule.Active() {
			if err := rule.Validate(); err != nil {
				t.Fatalf("%s: %v", s.Slug, err)
			}
			return
		}
	}
	t.Fatal("no demo seminar has group pricing")
}
