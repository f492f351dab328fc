package form

import (
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"seminars/internal/model"
)

// The form fuzz targets feed arbitrary urlencoded bodies (or JSON) to each parser and its
// validation. Whatever comes in, nothing panics, and a form that validates holds only values
// that keep the text rule as they are (so what is stored is clean), and validates again
// unchanged (normalising is idempotent).

var berlin = mustLocation("Europe/Berlin")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// keepsLine fails unless v is a value Line accepts unchanged.
func keepsLine(t *testing.T, field, v string, max int) {
	t.Helper()
	if got, err := model.Line(field, v, max); err != nil || got != v {
		t.Fatalf("%s = %+q passed validation but breaks the text rule: %v", field, v, err)
	}
}

// keepsParagraphs fails unless v is a value Paragraphs accepts unchanged.
func keepsParagraphs(t *testing.T, field, v string, max int) {
	t.Helper()
	if got, err := model.Paragraphs(field, v, max); err != nil || got != v {
		t.Fatalf("%s = %+q passed validation but breaks the text rule: %v", field, v, err)
	}
}

func keepsName(t *testing.T, field, v string, max int) {
	t.Helper()
	keepsLine(t, field, v, max)
	if !model.EncodableName(v) {
		t.Fatalf("%s = %+q passed validation but cannot go into a mail header", field, v)
	}
}

func keepsEmail(t *testing.T, field, v string) {
	t.Helper()
	if got, err := model.Email(field, v); err != nil || got != v {
		t.Fatalf("%s = %+q passed validation but is no clean e-mail address: %v", field, v, err)
	}
}

func parse(query string) url.Values {
	v, _ := url.ParseQuery(query) // what did parse is what a handler sees
	return v
}

// checkBooking asserts what a valid booking must hold.
func checkBooking(t *testing.T, b Booking, maxAttendees int) {
	t.Helper()
	if len(b.Attendees) < 1 || len(b.Attendees) > maxAttendees {
		t.Fatalf("valid booking with %d attendees", len(b.Attendees))
	}
	if _, err := model.CheckID("date_id", uint64(b.DateID)); err != nil {
		t.Fatalf("valid booking for date %d", b.DateID)
	}
	for _, a := range b.Attendees {
		keepsName(t, "first_name", a.FirstName, model.MaxPersonNameLen)
		keepsName(t, "last_name", a.LastName, model.MaxPersonNameLen)
		keepsEmail(t, "email", a.Email)
	}
	bill := b.Billing
	keepsLine(t, "company", bill.Company, model.MaxCompanyLen)
	keepsName(t, "name", bill.Name, model.MaxFullNameLen)
	keepsEmail(t, "billing.email", bill.Email)
	for field, v := range map[string]string{"street": bill.Street, "city": bill.City, "postal_code": bill.PostalCode,
		"country": bill.Country, "vat_id": bill.VATID, "po_number": bill.PONumber, "buyer_reference": bill.BuyerReference, "voucher": b.Voucher} {
		keepsLine(t, field, v, model.MaxStreetLen)
	}
	if b.PaymentMethod != model.PaymentInvoice && b.PaymentMethod != model.PaymentCard {
		t.Fatalf("valid booking pays by %q", b.PaymentMethod)
	}
	again := b
	again.Attendees = append([]Attendee(nil), b.Attendees...)
	if errs := again.Validate(maxAttendees, false); len(errs) > 0 {
		t.Fatalf("a validated booking fails validation again: %v", errs)
	}
}

const validBookingQuery = "attendee_count=1&attendees%5B0%5D.first_name=Nora&attendees%5B0%5D.last_name=Neu&attendees%5B0%5D.email=nora%40firma.example" +
	"&billing.company=Neu+AG&billing.name=Nora+Neu&billing.email=r%40firma.example&billing.street=Allee+1&billing.postal_code=10115" +
	"&billing.city=Berlin&billing.country=DE&payment_method=invoice&accept_terms=1&confirm_business=1"

// FuzzBookingForm fuzzes the HTML booking form (FromValues + Validate).
func FuzzBookingForm(f *testing.F) {
	f.Add(validBookingQuery)
	f.Add(strings.Replace(validBookingQuery, "Neu+AG", "%F0%9F%98%80+%E6%A0%AA", 1))
	f.Add(strings.Replace(validBookingQuery, "Neu+AG", "Firma%FF%FE", 1))
	f.Add(strings.Replace(validBookingQuery, "Nora+Neu", "Max%0D%0ABcc%3A+x", 1))
	f.Add("attendee_count=99999999999999999999")
	f.Fuzz(func(t *testing.T, query string) {
		b := FromValues(parse(query), 7)
		if errs := b.Validate(20, true); len(errs) == 0 {
			if !b.AcceptTerms || !b.ConfirmBusiness {
				t.Fatal("valid HTML booking without accepted terms or the business confirmation")
			}
			checkBooking(t, b, 20)
		}
	})
}

// FuzzBookingJSON fuzzes the booking API's decoder (DecodeBooking + Validate): invalid UTF-8
// never gets past the decoder.
func FuzzBookingJSON(f *testing.F) {
	good := `{"date_id":7,"payment_method":"invoice","attendees":[{"first_name":"Nora","last_name":"Neu","email":"nora@firma.example"}],` +
		`"billing":{"company":"Neu AG","name":"Nora Neu","email":"r@firma.example","street":"Allee 1","postal_code":"10115","city":"Berlin","country":"DE"}}`
	f.Add([]byte(good))
	f.Add([]byte(strings.Replace(good, "Neu AG", "Firma\xff\xfe", 1)))
	f.Add([]byte(strings.Replace(good, "Neu AG", `Neu\u0000AG`, 1)))
	f.Add([]byte(strings.Replace(good, `"date_id":7`, `"date_id":9223372036854775808`, 1)))
	f.Add([]byte(strings.Replace(good, "Nora Neu", `\ud83d\ude00 \ud800`, 1)))
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, err := DecodeBooking(raw)
		if !utf8.Valid(raw) && err == nil {
			t.Fatal("invalid UTF-8 decoded")
		}
		if err != nil {
			return
		}
		if errs := b.Validate(20, false); len(errs) == 0 {
			checkBooking(t, b, 20)
		}
	})
}

// FuzzInquiryForm fuzzes the in-house inquiry form.
func FuzzInquiryForm(f *testing.F) {
	f.Add("company=I+GmbH&name=Ida&email=ida%40firma.example&topic=Social+Media&participants=12&message=Hallo%0D%0AWelt")
	f.Add("company=%00&name=Ida&email=ida%40firma.example&topic=x&participants=1")
	f.Add("company=I&name=Ida&email=ida%40firma.example&topic=x&participants=99999999999999999999")
	f.Fuzz(func(t *testing.T, query string) {
		in := InquiryFromValues(parse(query))
		rec, errs := in.Validate("de")
		if len(errs) > 0 {
			return
		}
		keepsLine(t, "company", rec.Company, model.MaxCompanyLen)
		keepsName(t, "name", rec.Name, model.MaxFullNameLen)
		keepsEmail(t, "email", rec.Email)
		keepsLine(t, "phone", rec.Phone, model.MaxPhoneLen)
		keepsLine(t, "topic", rec.Topic, model.MaxTopicLen)
		keepsLine(t, "preferred_period", rec.PreferredPeriod, model.MaxPeriodLen)
		keepsParagraphs(t, "message", rec.Message, model.MaxMessageLen)
		if strings.Contains(rec.Message, "\r") || rec.Participants < 1 || rec.Participants > 1000 {
			t.Fatalf("valid inquiry with message %+q, %d participants", rec.Message, rec.Participants)
		}
	})
}

// FuzzWaitlistForm fuzzes the waiting-list form.
func FuzzWaitlistForm(f *testing.F) {
	f.Add("name=Wanda&email=wanda%40firma.example&company=W&seats=2")
	f.Add("name=W%0D%0Aanda&email=wanda%40firma.example&seats=1")
	f.Add("name=%22Wanda%22+%3Cx%40y.z%3E&email=wanda%40firma.example&seats=1")
	f.Fuzz(func(t *testing.T, query string) {
		w := WaitlistFromValues(parse(query))
		e, errs := w.Validate(3, "en", 20)
		if len(errs) > 0 {
			return
		}
		keepsName(t, "name", e.Name, model.MaxFullNameLen)
		keepsEmail(t, "email", e.Email)
		keepsLine(t, "company", e.Company, model.MaxCompanyLen)
		if e.Seats < 1 || e.Seats > 20 || e.DateID != 3 {
			t.Fatalf("valid entry %+v", e)
		}
	})
}

// FuzzLoginForm fuzzes the sign-in form: what passes can be looked up on either database.
func FuzzLoginForm(f *testing.F) {
	f.Add("email=owner%40example.com&password=secret+words")
	f.Add("email=" + strings.Repeat("x", 300) + "%40example.com&password=x")
	f.Add("email=a%00%40b.c&password=%FF")
	f.Fuzz(func(t *testing.T, query string) {
		l := LoginFromValues(parse(query))
		if errs := l.Validate(); len(errs) > 0 {
			return
		}
		if got, err := model.Mailbox("email", l.Email); err != nil || got != l.Email {
			t.Fatalf("sign-in with e-mail %+q passed: %v", l.Email, err)
		}
		if !utf8.ValidString(l.Password) || l.Password == "" {
			t.Fatalf("sign-in with password %+q passed", l.Password)
		}
	})
}

// FuzzSubstituteForm fuzzes the form that gives a seat to another person.
func FuzzSubstituteForm(f *testing.F) {
	f.Add("attendee_id=4&first_name=Sam&last_name=Sub&email=sam%40firma.example")
	f.Add("attendee_id=9223372036854775808&first_name=Sam&last_name=Sub&email=sam%40firma.example")
	f.Add("attendee_id=4&first_name=Sam%0A&last_name=Sub&email=sam%40firma.example")
	f.Fuzz(func(t *testing.T, query string) {
		s := SubstituteFromValues(parse(query))
		if errs := s.Validate(); len(errs) > 0 {
			return
		}
		keepsName(t, "first_name", s.FirstName, model.MaxPersonNameLen)
		keepsName(t, "last_name", s.LastName, model.MaxPersonNameLen)
		keepsEmail(t, "email", s.Email)
		if _, err := model.CheckID("attendee_id", uint64(s.AttendeeID)); err != nil {
			t.Fatalf("valid substitution for attendee %d", s.AttendeeID)
		}
	})
}

// FuzzSeminarForm fuzzes the back office's seminar form.
func FuzzSeminarForm(f *testing.F) {
	f.Add("title_de=Neues+Seminar&functions=marketing&duration_minutes=480&default_price=490&description_de=Lang%0D%0AText")
	f.Add("title_de=%E2%80%A8&duration_minutes=480&default_price=490")
	f.Add("slug=a--b&title_de=X&duration_minutes=30&default_price=1.490%2C50")
	f.Fuzz(func(t *testing.T, query string) {
		form, _ := SeminarFromValues(parse(query))
		if errs := form.Validate(); len(errs) > 0 {
			return
		}
		var s model.Seminar
		form.Apply(&s)
		keepsLine(t, "title_de", s.TitleDE, model.MaxTitleLen)
		keepsLine(t, "title_en", s.TitleEN, model.MaxTitleLen)
		keepsLine(t, "teaser_de", s.TeaserDE, model.MaxTeaserLen)
		keepsLine(t, "teaser_en", s.TeaserEN, model.MaxTeaserLen)
		for _, d := range []string{s.DescriptionDE, s.DescriptionEN, s.PrepareDE, s.PrepareEN} {
			keepsParagraphs(t, "description", d, model.MaxDescriptionLen)
		}
		keepsLine(t, "slug", s.Slug, model.MaxSlugLen)
		if s.TitleDE == "" || s.DefaultPriceCents < 0 || s.DefaultPriceCents > 100_000_000 {
			t.Fatalf("valid seminar %+v", s)
		}
	})
}

// FuzzDateForm fuzzes the back office's date form.
func FuzzDateForm(f *testing.F) {
	f.Add("starts_at=2030-06-03T09%3A00&ends_at=2030-06-03T17%3A00&capacity=12&price_net=490&format=in_person&city=K%C3%B6ln")
	f.Add("starts_at=2030-06-03T09%3A00&ends_at=2030-06-03T17%3A00&capacity=12&price_net=490&format=online&online_url=https%3A%2F%2Fx.example%2F%0A")
	f.Add("starts_at=2030-06-03T09%3A00&ends_at=2030-06-03T17%3A00&capacity=12&price_net=490&early_bird_net=390&early_bird_until=2030-05-01&format=in_person&city=Berlin")
	f.Fuzz(func(t *testing.T, query string) {
		form := DateFromValues(parse(query))
		d, errs := form.Validate(berlin)
		if len(errs) > 0 {
			return
		}
		keepsLine(t, "city", d.City, model.MaxCityLen)
		keepsLine(t, "venue", d.Venue, model.MaxVenueLen)
		keepsLine(t, "address", d.Address, model.MaxAddressLen)
		keepsLine(t, "online_url", d.OnlineURL, model.MaxOnlineURLLen)
		if !d.EndsAt.After(d.StartsAt) || d.Capacity < 1 || d.Capacity > 1000 || d.PriceNetCents < 0 || d.PriceNetCents > 100_000_000 {
			t.Fatalf("valid date %+v", d)
		}
		if d.EarlyBirdUntil != nil && (d.EarlyBirdNetCents <= 0 || d.EarlyBirdNetCents >= d.PriceNetCents) {
			t.Fatalf("valid date with early bird %d of %d", d.EarlyBirdNetCents, d.PriceNetCents)
		}
	})
}

// FuzzVoucherForm fuzzes the voucher form (the back office's and the CLI's).
func FuzzVoucherForm(f *testing.F) {
	f.Add("code=FRUEH10&percent=10")
	f.Add("code=FIX&amount=49%2C90&valid_until=2030-12-31&max_uses=5")
	f.Add("code=X%00&percent=NaN")
	f.Fuzz(func(t *testing.T, query string) {
		form := VoucherFromValues(parse(query))
		v, errs := form.Validate(berlin)
		if len(errs) > 0 {
			return
		}
		keepsLine(t, "code", v.Code, model.MaxVoucherCodeLen)
		switch v.Kind {
		case model.VoucherPercent:
			if v.PercentBP < 1 || v.PercentBP > 10000 {
				t.Fatalf("valid voucher of %d bp", v.PercentBP)
			}
		case model.VoucherFixed:
			if v.AmountCents <= 0 {
				t.Fatalf("valid voucher of %d cents", v.AmountCents)
			}
		default:
			t.Fatalf("valid voucher of kind %q", v.Kind)
		}
		if v.MaxUses < 0 {
			t.Fatalf("valid voucher with %d uses", v.MaxUses)
		}
	})
}

// FuzzParseEuros: an accepted amount is whole cents in range, and writing it back as the forms
// do reads as the same amount.
func FuzzParseEuros(f *testing.F) {
	for _, s := range []string{"490", "490,50", "1.490,50", "1,490.50", "0,5", "€ 12", "-1", "1e3", "1.000.000,00", "١٢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cents, ok := ParseEuros(s)
		if !ok {
			return
		}
		if cents < 0 || cents > 100_000_099 {
			t.Fatalf("ParseEuros(%q) = %d", s, cents)
		}
		if back, ok := ParseEuros(Euros(cents)); !ok || back != cents {
			t.Fatalf("ParseEuros(Euros(%d)) = %d, %v", cents, back, ok)
		}
	})
}
