package model

// The longest value, in characters, of every text a person or client can send. The varchar
// columns of the schema (internal/store/migrations, PostgreSQL counts characters; SQLite's text
// has no limit) set most of them; where the column is text, the limit is a sane bound chosen
// here, so the two databases accept exactly the same values. Change a column, change its line.
const (
	// Seminars (seminars.*).
	MaxSlugLen            = 120   // slug varchar(120)
	MaxTitleLen           = 200   // title_de, title_en varchar(200)
	MaxTeaserLen          = 500   // teaser_de, teaser_en varchar(500)
	MaxDescriptionLen     = 20000 // description_*, prepare_* text: chosen
	MaxCertificateTextLen = 2000  // certificate_text_* text: chosen (it must fit on the certificate's page)
	MaxApprovalNumberLen  = 60    // one number in funding_approvals text: chosen

	// Dates (seminar_dates.*).
	MaxCityLen      = 100 // city varchar(100); also bookings.billing_city
	MaxVenueLen     = 200 // venue varchar(200)
	MaxAddressLen   = 300 // address varchar(300)
	MaxOnlineURLLen = 500 // online_url varchar(500)

	// People, billing and messages.
	MaxEmailLen          = 254  // every e-mail column varchar(254) (RFC 5321's path limit)
	MaxPersonNameLen     = 100  // attendees.first_name, last_name varchar(100)
	MaxFullNameLen       = 200  // billing_name, waitlist_entries.name, inhouse_inquiries.name varchar(200)
	MaxCompanyLen        = 200  // billing_company, waitlist and inquiry company varchar(200)
	MaxStreetLen         = 200  // billing_street varchar(200)
	MaxPostalCodeLen     = 10   // billing_postal_code varchar(20); no country has a longer code
	MaxCountryLen        = 2    // billing_country varchar(2)
	MaxVATIDLen          = 30   // billing_vat_id varchar(30)
	MaxPONumberLen       = 100  // billing_po_number varchar(100)
	MaxBuyerReferenceLen = 100  // billing_buyer_reference varchar(100) (Leitweg-ID)
	MaxVoucherCodeLen    = 50   // vouchers.code, bookings.voucher_code varchar(50)
	MaxPhoneLen          = 50   // inhouse_inquiries.phone varchar(50)
	MaxTopicLen          = 300  // inhouse_inquiries.topic varchar(300)
	MaxPeriodLen         = 200  // inhouse_inquiries.preferred_period varchar(200)
	MaxMessageLen        = 4000 // inhouse_inquiries.message varchar(4000)
	MaxReasonLen         = 500  // invoices.reason varchar(500) (a cancellation's reason)
	MaxTokenNameLen      = 100  // api_tokens.name varchar(100)
	MaxPasswordLen       = 1000 // never stored (hashed): bounds the argon2id input

	// Path and query parameters that are looked up, never stored.
	MaxReferenceLen = 20   // bookings.reference varchar(20)
	MaxSecretLen    = 200  // manage, offer and session tokens as typed
	MaxQueryLen     = 200  // a search or filter value
	MaxParamLen     = 2000 // anything else in a path or query
)
