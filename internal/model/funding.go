package model

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
)

// GermanStates are the codes (ISO 3166-2:DE without "DE-") of the federal states, in the order
// of their names. Bildungsurlaub (Bildungszeit, Bildungsfreistellung) is state law, so an approval
// is always one state's; their names are translated as "state.<code>".
var GermanStates = []string{
	"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH",
}

// IsGermanState tells whether code is one of GermanStates.
func IsGermanState(code string) bool {
	for _, s := range GermanStates {
		if s == code {
			return true
		}
	}
	return false
}

// FundingApproval is one state's approval of a seminar as Bildungsurlaub/Bildungszeit, with the
// number the state's authority gave it (employees quote it when they apply for leave).
type FundingApproval struct {
	State  string `json:"state"`
	Number string `json:"number"`
}

// FundingApprovals are a seminar's approvals, stored as one JSON text column: they are only
// ever read and written with their seminar, never queried on their own.
type FundingApprovals []FundingApproval

// String lists the approvals as "NW SB-2026-0815, HE BU 44/2026" (for the audit log); "-" for none.
func (a FundingApprovals) String() string {
	if len(a) == 0 {
		return "-"
	}
	parts := make([]string, len(a))
	for i, x := range a {
		parts[i] = x.State + " " + x.Number
	}
	return strings.Join(parts, ", ")
}

// Value stores the approvals as JSON; none are stored as the empty string (the column's default).
func (a FundingApprovals) Value() (driver.Value, error) {
	if len(a) == 0 {
		return "", nil
	}
	b, err := json.Marshal([]FundingApproval(a))
	return string(b), err
}

// Scan reads the stored JSON back.
func (a *FundingApprovals) Scan(v any) error {
	var raw []byte
	switch x := v.(type) {
	case nil:
	case string:
		raw = []byte(x)
	case []byte:
		raw = x
	default:
		return fmt.Errorf("funding approvals: cannot scan %T", v)
	}
	*a = nil
	if len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, (*[]FundingApproval)(a))
}
