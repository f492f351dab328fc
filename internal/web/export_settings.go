package web

import (
	"seminars/internal/accounting"
	"seminars/internal/config"
	"seminars/internal/model"
)

// ExportSettings are the accountant's export settings (datev_* in config/seminars.yaml).
func ExportSettings(cfg config.Config) accounting.Settings {
	return accounting.Settings{
		ConsultantNumber: cfg.DATEVConsultantNumber, ClientNumber: cfg.DATEVClientNumber,
		Chart: cfg.DATEVChart, AccountLength: cfg.DATEVAccountLength,
		FiscalYearStartMonth: cfg.DATEVFiscalYearStartMonth, DebtorAccount: cfg.DATEVDebtorAccount,
		DateBasis: cfg.DATEVDateBasis, Location: cfg.Location,
		RevenueAccounts: map[model.TaxTreatment]int{
			model.TaxStandard: cfg.DATEVRevenueStandard, model.TaxReverseCharge: cfg.DATEVRevenueReverseCharge,
			model.TaxNotTaxable: cfg.DATEVRevenueNotTaxable, model.TaxExemptTraining: cfg.DATEVRevenueExemptTraining,
			model.TaxKleinunternehmer: cfg.DATEVRevenueKleinunternehmer,
		},
	}
}
