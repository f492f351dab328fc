package model

import (
	"reflect"
	"testing"
)

func TestRankCompetence(t *testing.T) {
	type row struct {
		function string
		gap      int
	}
	cases := []struct {
		name    string
		answers []CompetenceAnswer
		want    []row
	}{
		{"nothing ticked", nil, []row{}},
		{"the largest gap first", []CompetenceAnswer{
			{"marketing", UsageJob, 0}, {"sales", UsageOccasional, 0}, {"hr", UsageNone, 0},
		}, []row{{"hr", 2}, {"sales", 1}, {"marketing", 0}}},
		{"equal gaps: more people first", []CompetenceAnswer{
			{"sales", UsageNone, 4}, {"customer_service", UsageNone, 30}, {"it_privacy", UsageNone, 0},
		}, []row{{"customer_service", 2}, {"sales", 2}, {"it_privacy", 2}}},
		{"equal gaps and people: catalogue order, whatever the input order", []CompetenceAnswer{
			{"management", UsageOccasional, 5}, {"pr", UsageOccasional, 5}, {"marketing", UsageOccasional, 5},
		}, []row{{"marketing", 1}, {"pr", 1}, {"management", 1}}},
		{"the gap outweighs the head count", []CompetenceAnswer{
			{"marketing", UsageOccasional, 500}, {"hr", UsageNone, 1},
		}, []row{{"hr", 2}, {"marketing", 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := []row{}
			for _, g := range RankCompetence(c.answers) {
				got = append(got, row{g.Function, g.Gap})
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("ranked %v, want %v", got, c.want)
			}
		})
	}
}

func TestMissingFunctions(t *testing.T) {
	got := MissingFunctions([]CompetenceAnswer{{Function: "sales"}, {Function: "marketing"}, {Function: "pr"}})
	want := []string{"customer_service", "hr", "management", "it_privacy"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("missing %v, want %v", got, want)
	}
}

func TestParseUsage(t *testing.T) {
	cases := []struct {
		in   string
		want Usage
		ok   bool
	}{
		{"none", UsageNone, true}, {"occasional", UsageOccasional, true}, {"job", UsageJob, true},
		{"", "", false}, {"JOB", "", false}, {"daily", "", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got, ok := ParseUsage(c.in); got != c.want || ok != c.ok {
				t.Fatalf("ParseUsage(%q) = %q, %v", c.in, got, ok)
			}
		})
	}
}
