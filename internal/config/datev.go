package config

import (
	"fmt"
	"strconv"
)

// validateDATEV checks the settings of the accountant's DATEV export against the ranges the
// DATEV format allows, so a wrong setting stops the start instead of producing a file DATEV
// refuses.
func (c *Config) validateDATEV() []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if c.DATEVConsultantNumber < 1001 || c.DATEVConsultantNumber > 9999999 {
		bad("datev_consultant_number must be between 1001 and 9999999 (the tax adviser's Beraternummer)")
	}
	if c.DATEVClientNumber < 1 || c.DATEVClientNumber > 99999 {
		bad("datev_client_number must be between 1 and 99999 (the Mandantennummer)")
	}
	if c.DATEVChart != "skr03" && c.DATEVChart != "skr04" {
		bad("datev_chart %q must be skr03 or skr04", c.DATEVChart)
	}
	if c.DATEVAccountLength < 4 || c.DATEVAccountLength > 8 {
		bad("datev_account_length must be between 4 and 8")
	}
	if c.DATEVFiscalYearStartMonth < 1 || c.DATEVFiscalYearStartMonth > 12 {
		bad("datev_fiscal_year_start_month must be between 1 and 12")
	}
	// A personal (debtor) account has one digit more than a general ledger account.
	if n := len(strconv.Itoa(c.DATEVDebtorAccount)); c.DATEVDebtorAccount <= 0 || n != c.DATEVAccountLength+1 {
		bad("datev_debtor_account must have datev_account_length + 1 digits (e.g. 10000 with length 4)")
	}
	if c.DATEVDateBasis != "invoice" && c.DATEVDateBasis != "payment" {
		bad("datev_date_basis %q must be invoice or payment", c.DATEVDateBasis)
	}
	for name, account := range map[string]int{
		"datev_revenue_account_standard": c.DATEVRevenueStandard, "datev_revenue_account_reverse_charge": c.DATEVRevenueReverseCharge,
		"datev_revenue_account_not_taxable": c.DATEVRevenueNotTaxable, "datev_revenue_account_exempt_training": c.DATEVRevenueExemptTraining,
		"datev_revenue_account_kleinunternehmer": c.DATEVRevenueKleinunternehmer,
	} {
		if account != 0 && (account < 0 || len(strconv.Itoa(account)) > c.DATEVAccountLength) {
			bad("%s must be 0 (the chart's default) or an account of at most datev_account_length digits", name)
		}
	}
	return problems
}
