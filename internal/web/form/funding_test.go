package form

import (
	"reflect"
	"strings"
	"testing"

	"seminars/internal/model"
)

// TestSeminarFunding: the approvals field of the seminar form, typed one a line, and the same
// rules for the admin API's list.
func TestSeminarFunding(t *testing.T) {
	cases := []struct {
		name      string
		lines     string
		want      model.FundingApprovals
		wantError string
	}{
		{"empty", "", nil, ""},
		{"colon, lower case, blank lines, CRLF", "nw: SB-2026-0815\r\n\r\n  he   BU 44/2026  ", model.FundingApprovals{{State: "HE", Number: "BU 44/2026"}, {State: "NW", Number: "SB-2026-0815"}}, ""},
		{"number with a colon", "BE: A:1", model.FundingApprovals{{State: "BE", Number: "A:1"}}, ""},
		{"unknown state", "XY: 12", nil, "admin.error.funding_state"},
		{"a state's name, not its code", "Berlin 12", nil, "admin.error.funding_state"},
		{"no number", "NW", nil, "admin.error.funding_number"},
		{"code and colon only", "NW:", nil, "admin.error.funding_number"},
		{"twice", "NW: 1\nnw 2", nil, "admin.error.funding_duplicate"},
		{"number too long", "NW: " + strings.Repeat("9", 61), nil, "admin.error.funding_number"},
		{"control character", "NW: 1\x00", nil, "admin.error.funding_number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Seminar{TitleDE: "Titel", DurationMinutes: 480, FundingApprovals: ParseFundingLines(c.lines)}
			errs := f.Validate()
			if errs["funding_approvals"] != c.wantError {
				t.Fatalf("error %q, want %q", errs["funding_approvals"], c.wantError)
			}
			if c.wantError != "" {
				return
			}
			var s model.Seminar
			f.Apply(&s)
			if !reflect.DeepEqual(s.FundingApprovals, c.want) {
				t.Fatalf("approvals %+v, want %+v", s.FundingApprovals, c.want)
			}
			if again := ParseFundingLines(FundingLines(s.FundingApprovals)); !reflect.DeepEqual(model.FundingApprovals(again), c.want) && len(c.want) > 0 {
				t.Fatalf("the form shows %q, which reads back as %+v", FundingLines(s.FundingApprovals), again)
			}
		})
	}
}
