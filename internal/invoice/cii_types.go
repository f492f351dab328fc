package invoice

import "encoding/xml"

// UN/CEFACT Cross Industry Invoice (D16B) as profiled by EN 16931 (the XML syntax behind
// XRechnung's CII flavour and ZUGFeRD/Factur-X). encoding/xml does not write namespace
// prefixes, so the element names carry them literally and the root declares the namespaces.
// Field order follows the schema's sequences.

type ciiInvoice struct {
	XMLName     xml.Name       `xml:"rsm:CrossIndustryInvoice"`
	XmlnsRSM    string         `xml:"xmlns:rsm,attr"`
	XmlnsRAM    string         `xml:"xmlns:ram,attr"`
	XmlnsUDT    string         `xml:"xmlns:udt,attr"`
	XmlnsQDT    string         `xml:"xmlns:qdt,attr"`
	Context     ciiContext     `xml:"rsm:ExchangedDocumentContext"`
	Document    ciiDocument    `xml:"rsm:ExchangedDocument"`
	Transaction ciiTransaction `xml:"rsm:SupplyChainTradeTransaction"`
}

type ciiID struct {
	ID string `xml:"ram:ID"`
}

type ciiContext struct {
	BusinessProcess *ciiID `xml:"ram:BusinessProcessSpecifiedDocumentContextParameter,omitempty"`
	Guideline       ciiID  `xml:"ram:GuidelineSpecifiedDocumentContextParameter"`
}

type ciiDocument struct {
	ID        string    `xml:"ram:ID"`
	TypeCode  string    `xml:"ram:TypeCode"`
	IssueDate ciiDate   `xml:"ram:IssueDateTime"`
	Notes     []ciiNote `xml:"ram:IncludedNote"`
}

type ciiNote struct {
	Content string `xml:"ram:Content"`
}

// ciiDate is a date in format 102 (CCYYMMDD).
type ciiDate struct {
	Value ciiDateString `xml:"udt:DateTimeString"`
}

type ciiDateString struct {
	Format string `xml:"format,attr"`
	Value  string `xml:",chardata"`
}

// ciiQualifiedDate is a date of the qualified data type (used for referenced documents).
type ciiQualifiedDate struct {
	Value ciiDateString `xml:"qdt:DateTimeString"`
}

type ciiTransaction struct {
	Lines      []ciiLine     `xml:"ram:IncludedSupplyChainTradeLineItem"`
	Agreement  ciiAgreement  `xml:"ram:ApplicableHeaderTradeAgreement"`
	Delivery   ciiDelivery   `xml:"ram:ApplicableHeaderTradeDelivery"`
	Settlement ciiSettlement `xml:"ram:ApplicableHeaderTradeSettlement"`
}

type ciiLine struct {
	Document   ciiLineDocument   `xml:"ram:AssociatedDocumentLineDocument"`
	Product    ciiProduct        `xml:"ram:SpecifiedTradeProduct"`
	Agreement  ciiLineAgreement  `xml:"ram:SpecifiedLineTradeAgreement"`
	Delivery   ciiLineDelivery   `xml:"ram:SpecifiedLineTradeDelivery"`
	Settlement ciiLineSettlement `xml:"ram:SpecifiedLineTradeSettlement"`
}

type ciiLineDocument struct {
	LineID string `xml:"ram:LineID"`
}

type ciiProduct struct {
	Name string `xml:"ram:Name"`
}

type ciiLineAgreement struct {
	NetPrice ciiPrice `xml:"ram:NetPriceProductTradePrice"`
}

type ciiPrice struct {
	ChargeAmount string `xml:"ram:ChargeAmount"`
}

type ciiLineDelivery struct {
	Quantity ciiQuantity `xml:"ram:BilledQuantity"`
}

type ciiQuantity struct {
	UnitCode string `xml:"unitCode,attr"`
	Value    string `xml:",chardata"`
}

type ciiLineSettlement struct {
	Tax       ciiTax           `xml:"ram:ApplicableTradeTax"`
	Summation ciiLineSummation `xml:"ram:SpecifiedTradeSettlementLineMonetarySummation"`
}

type ciiLineSummation struct {
	LineTotal string `xml:"ram:LineTotalAmount"`
}

// ciiTax is a VAT breakdown: on a line only type, category and rate; in the header also the
// amounts and, for categories without VAT, the exemption reason. A category O (not subject to
// VAT) breakdown has no rate.
type ciiTax struct {
	CalculatedAmount    string `xml:"ram:CalculatedAmount,omitempty"`
	TypeCode            string `xml:"ram:TypeCode"`
	ExemptionReason     string `xml:"ram:ExemptionReason,omitempty"`
	BasisAmount         string `xml:"ram:BasisAmount,omitempty"`
	CategoryCode        string `xml:"ram:CategoryCode"`
	ExemptionReasonCode string `xml:"ram:ExemptionReasonCode,omitempty"`
	RatePercent         string `xml:"ram:RateApplicablePercent,omitempty"`
}

type ciiAgreement struct {
	BuyerReference string           `xml:"ram:BuyerReference,omitempty"`
	Seller         ciiParty         `xml:"ram:SellerTradeParty"`
	Buyer          ciiParty         `xml:"ram:BuyerTradeParty"`
	BuyerOrder     *ciiReferenceDoc `xml:"ram:BuyerOrderReferencedDocument,omitempty"`
}

type ciiParty struct {
	ID       string             `xml:"ram:ID,omitempty"`
	GlobalID *ciiSchemedID      `xml:"ram:GlobalID,omitempty"`
	Name     string             `xml:"ram:Name"`
	Legal    *ciiLegalOrg       `xml:"ram:SpecifiedLegalOrganization,omitempty"`
	Contact  *ciiContact        `xml:"ram:DefinedTradeContact,omitempty"`
	Address  ciiAddress         `xml:"ram:PostalTradeAddress"`
	URI      *ciiURI            `xml:"ram:URIUniversalCommunication,omitempty"`
	TaxRegs  []ciiTaxRegistered `xml:"ram:SpecifiedTaxRegistration"`
}

// ciiLegalOrg is the seller's legal registration (BT-30).
type ciiLegalOrg struct {
	ID ciiSchemedID `xml:"ram:ID"`
}

type ciiContact struct {
	PersonName string        `xml:"ram:PersonName,omitempty"`
	Telephone  *ciiTelephone `xml:"ram:TelephoneUniversalCommunication,omitempty"`
	Email      *ciiURI       `xml:"ram:EmailURIUniversalCommunication,omitempty"`
}

type ciiTelephone struct {
	CompleteNumber string `xml:"ram:CompleteNumber"`
}

type ciiURI struct {
	ID ciiSchemedID `xml:"ram:URIID"`
}

type ciiSchemedID struct {
	SchemeID string `xml:"schemeID,attr,omitempty"`
	Value    string `xml:",chardata"`
}

type ciiAddress struct {
	Postcode string `xml:"ram:PostcodeCode,omitempty"`
	LineOne  string `xml:"ram:LineOne,omitempty"`
	City     string `xml:"ram:CityName,omitempty"`
	Country  string `xml:"ram:CountryID"`
}

type ciiTaxRegistered struct {
	ID ciiSchemedID `xml:"ram:ID"`
}

type ciiReferenceDoc struct {
	IssuerAssignedID string            `xml:"ram:IssuerAssignedID"`
	IssueDate        *ciiQualifiedDate `xml:"ram:FormattedIssueDateTime,omitempty"`
}

type ciiDelivery struct {
	Event *ciiEvent `xml:"ram:ActualDeliverySupplyChainEvent,omitempty"`
}

type ciiEvent struct {
	Occurrence ciiDate `xml:"ram:OccurrenceDateTime"`
}

type ciiSettlement struct {
	PaymentReference string             `xml:"ram:PaymentReference,omitempty"`
	Currency         string             `xml:"ram:InvoiceCurrencyCode"`
	PaymentMeans     *ciiPaymentMeans   `xml:"ram:SpecifiedTradeSettlementPaymentMeans,omitempty"`
	Tax              ciiTax             `xml:"ram:ApplicableTradeTax"`
	Period           *ciiPeriod         `xml:"ram:BillingSpecifiedPeriod,omitempty"`
	Terms            *ciiTerms          `xml:"ram:SpecifiedTradePaymentTerms,omitempty"`
	Summation        ciiHeaderSummation `xml:"ram:SpecifiedTradeSettlementHeaderMonetarySummation"`
	InvoiceRef       *ciiReferenceDoc   `xml:"ram:InvoiceReferencedDocument,omitempty"`
}

type ciiPaymentMeans struct {
	TypeCode    string          `xml:"ram:TypeCode"`
	Account     *ciiAccount     `xml:"ram:PayeePartyCreditorFinancialAccount,omitempty"`
	Institution *ciiInstitution `xml:"ram:PayeeSpecifiedCreditorFinancialInstitution,omitempty"`
}

type ciiAccount struct {
	IBAN        string `xml:"ram:IBANID"`
	AccountName string `xml:"ram:AccountName,omitempty"`
}

type ciiInstitution struct {
	BIC string `xml:"ram:BICID"`
}

type ciiPeriod struct {
	Start ciiDate `xml:"ram:StartDateTime"`
	End   ciiDate `xml:"ram:EndDateTime"`
}

type ciiTerms struct {
	Description string   `xml:"ram:Description,omitempty"`
	DueDate     *ciiDate `xml:"ram:DueDateDateTime,omitempty"`
}

type ciiHeaderSummation struct {
	LineTotal  string    `xml:"ram:LineTotalAmount"`
	TaxBasis   string    `xml:"ram:TaxBasisTotalAmount"`
	TaxTotal   ciiAmount `xml:"ram:TaxTotalAmount"`
	GrandTotal string    `xml:"ram:GrandTotalAmount"`
	Prepaid    string    `xml:"ram:TotalPrepaidAmount,omitempty"`
	DuePayable string    `xml:"ram:DuePayableAmount"`
}

type ciiAmount struct {
	Currency string `xml:"currencyID,attr"`
	Value    string `xml:",chardata"`
}
