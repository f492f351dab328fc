package form

import (
	"regexp"
	"strings"

	"seminars/internal/model"
)

// fundingLine is one line of the back office's approvals field: a state's code, then a colon or
// a space, then the approval number ("NW: SB-2026-0815").
var fundingLine = regexp.MustCompile(`^([A-Za-z]{2})(?:\s*:\s*|\s+)(.*)$`)

// ParseFundingLines reads the approvals field of the HTML seminar form, one approval a line. A
// line that is not "code number" is kept as an approval with an unknown state, so that Validate
// reports it.
func ParseFundingLines(text string) []model.FundingApproval {
	var out []model.FundingApproval
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		m := fundingLine.FindStringSubmatch(l)
		if m == nil {
			out = append(out, model.FundingApproval{State: l})
			continue
		}
		out = append(out, model.FundingApproval{State: strings.ToUpper(m[1]), Number: m[2]})
	}
	return out
}

// FundingLines writes approvals the way the back office's field reads them.
func FundingLines(approvals []model.FundingApproval) string {
	lines := make([]string, len(approvals))
	for i, a := range approvals {
		lines[i] = a.State + ": " + a.Number
	}
	return strings.Join(lines, "\n")
}

// validateFunding checks the approvals (a known state each, once, with a number) and the
// certificate texts, and puts the approvals in the order of model.GermanStates.
func (f *Seminar) validateFunding(errs Errors) {
	seen := map[string]bool{}
	for i := range f.FundingApprovals {
		a := &f.FundingApprovals[i]
		a.State = strings.ToUpper(strings.TrimSpace(a.State))
		switch {
		case !model.IsGermanState(a.State):
			errs["funding_approvals"] = "admin.error.funding_state"
		case seen[a.State]:
			errs["funding_approvals"] = "admin.error.funding_duplicate"
		default:
			seen[a.State] = true
			if strings.TrimSpace(a.Number) == "" {
				errs["funding_approvals"] = "admin.error.funding_number"
			} else if clean, err := model.RequiredLine("funding_approvals", a.Number, model.MaxApprovalNumberLen); err != nil {
				errs["funding_approvals"] = "admin.error.funding_number"
			} else {
				a.Number = clean
			}
		}
	}
	paragraphs(errs, "certificate_text_de", &f.CertificateTextDE, model.MaxCertificateTextLen)
	paragraphs(errs, "certificate_text_en", &f.CertificateTextEN, model.MaxCertificateTextLen)
}

// sortedApprovals returns the approvals in the order of model.GermanStates.
func sortedApprovals(in []model.FundingApproval) model.FundingApprovals {
	var out model.FundingApprovals
	for _, state := range model.GermanStates {
		for _, a := range in {
			if a.State == state {
				out = append(out, a)
			}
		}
	}
	return out
}
