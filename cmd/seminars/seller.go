package main

import (
	"seminars/internal/config"
	"seminars/internal/invoice"
)

// sellerFrom turns the seller settings into the issuer of invoices.
func sellerFrom(cfg config.Config) invoice.Seller {
	street, postalCode, city := invoice.ParseAddress(cfg.SellerAddress)
	return invoice.Seller{
		Name: cfg.SellerName, Street: street, PostalCode: postalCode, City: city, Country: "DE",
		VATID: cfg.SellerVATID, TaxNumber: cfg.SellerTaxNumber, Email: cfg.SellerEmail,
		IBAN: cfg.SellerIBAN, BIC: cfg.SellerBIC, Bank: cfg.SellerBank,
		DueDays: cfg.InvoiceDueDays, Currency: cfg.Currency, Location: cfg.Location,
	}
}
