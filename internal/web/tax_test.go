package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"seminars/internal/i18n"
	"seminars/internal/invoice"
	"seminars/internal/invoice/einvoicetest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// taxBookingBody is an API booking of one attendee on dateID billed to a company in country.
func taxBookingBody(dateID uint, country, postalCode, vatID, leitwegID string) string {
	body, _ := json.Marshal(map[string]any{
		"date_id": dateID, "payment_method": "invoice",
		"attendees": []map[string]string{{"first_name": "Anna", "last_name": "Huber", "email": "anna@example.at"}},
		"billing": map[string]string{
			"company": "Huber Consulting GmbH", "name": "Anna Huber", "email": "office@example.at",
			"street": "Ringstraße 1", "postal_code": postalCode, "city": "Wien", "country": country,
			"vat_id": vatID, "buyer_reference": leitwegID,
		},
	})
	return string(body)
}

// TestTaxTreatmentPerBooking books through the API on SQLite and PostgreSQL: an online seminar
// for an Austrian company with a VAT ID is reverse charge (0 %, category AE, both VAT IDs) and
// its e-invoice passes the official rules; a Swiss company is not taxable in Germany (category
// O); a private person abroad is refused with a message saying why. Sellers under §19 UStG
// and §4 Nr. 21 UStG invoice category E without VAT.
func TestTaxTreatmentPerBooking(t *testing.T) {
	einvoicetest.RequireSaxon(t)
	// every database's documents, checked together after the bookings: one JVM per rule set
	all, xrechnung := map[string][]byte{}, map[string][]byte{}
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	r := invoice.NewRenderer(catalog, berlin)
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ts := newServer(t, st, "SEMINARS_SELLER_PHONE=+49 30 1234567", "SEMINARS_SELLER_TAX_NUMBER=27/123/45678")
		online := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20, PriceNetCents: 49000, Format: model.FormatOnline})
		inPerson := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20, PriceNetCents: 49000})
		cases := []struct {
			name                        string
			dateID                      uint
			country, postalCode, vatID  string
			leitwegID                   string
			wantStatus                  int
			wantNet, wantVAT, wantGross int64
			wantTreatment               model.TaxTreatment
			wantInXML, absentInXML      []string
			wantMessage                 string
		}{
			{name: "online, Austrian company with VAT ID: reverse charge", dateID: online.ID, country: "AT", postalCode: "1010", vatID: "ATU 1234 5678",
				wantStatus: http.StatusCreated, wantNet: 49000, wantGross: 49000, wantTreatment: model.TaxReverseCharge,
				wantInXML: []string{"<ram:CategoryCode>AE</ram:CategoryCode>", "<ram:RateApplicablePercent>0</ram:RateApplicablePercent>",
					`<ram:ID schemeID="VA">ATU12345678</ram:ID>`, `<ram:ID schemeID="VA">DE000000000</ram:ID>`,
					"Steuerschuldnerschaft des Leistungsempfängers", "<ram:ExemptionReasonCode>VATEX-EU-AE</ram:ExemptionReasonCode>",
					"<ram:GrandTotalAmount>490.00</ram:GrandTotalAmount>"}},
			{name: "online, Austrian public buyer with Leitweg-ID: reverse charge as XRechnung", dateID: online.ID, country: "AT", postalCode: "1010", vatID: "ATU12345678", leitwegID: "991-12345-67",
				wantStatus: http.StatusCreated, wantNet: 49000, wantGross: 49000, wantTreatment: model.TaxReverseCharge,
				wantInXML: []string{invoice.GuidelineXRechnung, "<ram:CategoryCode>AE</ram:CategoryCode>"}},
			{name: "online, Swiss company: not taxable in Germany, no VAT IDs", dateID: online.ID, country: "CH", postalCode: "8001", vatID: "CHE-123.456.789 MWST",
				wantStatus: http.StatusCreated, wantNet: 49000, wantGross: 49000, wantTreatment: model.TaxNotTaxable,
				wantInXML: []string{"<ram:CategoryCode>O</ram:CategoryCode>", "<ram:ID>27/123/45678</ram:ID>"}, absentInXML: []string{`schemeID="VA"`}},
			{name: "in person, Austrian company: German VAT", dateID: inPerson.ID, country: "AT", postalCode: "1010", vatID: "ATU12345678",
				wantStatus: http.StatusCreated, wantNet: 49000, wantVAT: 9310, wantGross: 58310, wantTreatment: model.TaxStandard,
				wantInXML: []string{"<ram:CategoryCode>S</ram:CategoryCode>", "<ram:RateApplicablePercent>19</ram:RateApplicablePercent>"}},
			{name: "online, private person in Austria: refused", dateID: online.ID, country: "AT", postalCode: "1010",
				wantStatus: http.StatusUnprocessableEntity, wantMessage: "nur an Unternehmen"},
			{name: "online, VAT ID of another country: refused", dateID: online.ID, country: "AT", postalCode: "1010", vatID: "DE123456789",
				wantStatus: http.StatusUnprocessableEntity, wantMessage: "Rechnungslands"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				status, body, _ := do(t, client(t), http.MethodPost, ts.URL+"/api/v1/bookings", "application/json",
					taxBookingBody(c.dateID, c.country, c.postalCode, c.vatID, c.leitwegID))
				if status != c.wantStatus {
					t.Fatalf("status %d, want %d: %s", status, c.wantStatus, body)
				}
				if c.wantMessage != "" {
					var answer struct{ Errors map[string]string }
					if err := json.Unmarshal([]byte(body), &answer); err != nil || !strings.Contains(answer.Errors["billing.vat_id"], c.wantMessage) {
						t.Fatalf("errors %v (%v), want billing.vat_id saying %q", answer.Errors, err, c.wantMessage)
					}
					return
				}
				var created struct {
					Reference       string `json:"reference"`
					TotalNetCents   int64  `json:"total_net_cents"`
					TotalVATCents   int64  `json:"total_vat_cents"`
					TotalGrossCents int64  `json:"total_gross_cents"`
				}
				if err := json.Unmarshal([]byte(body), &created); err != nil {
					t.Fatal(err)
				}
				if created.TotalNetCents != c.wantNet || created.TotalVATCents != c.wantVAT || created.TotalGrossCents != c.wantGross {
					t.Fatalf("totals %+v, want net %d VAT %d gross %d", created, c.wantNet, c.wantVAT, c.wantGross)
				}
				b, err := st.BookingByReference(context.Background(), created.Reference)
				if err != nil || b.TaxTreatment != c.wantTreatment {
					t.Fatalf("stored booking treatment %q (%v), want %q", b.TaxTreatment, err, c.wantTreatment)
				}
				docs, err := st.InvoicesForBooking(context.Background(), b.ID)
				if err != nil || len(docs) != 1 {
					t.Fatalf("%d invoices (%v)", len(docs), err)
				}
				inv := docs[0]
				if inv.TaxTreatment != c.wantTreatment || inv.VATCents != c.wantVAT || inv.GrossCents != c.wantGross {
					t.Fatalf("invoice %s: treatment %s, VAT %d, gross %d", inv.Number, inv.TaxTreatment, inv.VATCents, inv.GrossCents)
				}
				doc, err := r.EInvoiceXML(inv)
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range c.wantInXML {
					if !strings.Contains(string(doc), w) {
						t.Errorf("XML lacks %s", w)
					}
				}
				for _, a := range c.absentInXML {
					if strings.Contains(string(doc), a) {
						t.Errorf("XML has %s", a)
					}
				}
				all[t.Name()] = doc
				if invoice.Guideline(inv) == invoice.GuidelineXRechnung {
					xrechnung[t.Name()] = doc
				}
			})
		}
	})
	for _, mode := range []struct{ mode, note string }{
		{model.SellerTaxKleinunternehmer, "§ 19 UStG"}, {model.SellerTaxExemptTraining, "§ 4 Nr. 21 UStG"},
	} {
		t.Run(mode.mode, func(t *testing.T) {
			st := storetest.SQLite(t)
			ts := newServer(t, st, "SEMINARS_SELLER_TAX_MODE="+mode.mode, "SEMINARS_SELLER_PHONE=+49 30 1234567")
			date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 20, PriceNetCents: 49000})
			status, body, _ := do(t, client(t), http.MethodPost, ts.URL+"/api/v1/bookings", "application/json",
				taxBookingBody(date.ID, "DE", "10115", "", "991-12345-67"))
			var created struct {
				Reference       string `json:"reference"`
				TotalGrossCents int64  `json:"total_gross_cents"`
			}
			if err := json.Unmarshal([]byte(body), &created); status != http.StatusCreated || err != nil || created.TotalGrossCents != 49000 {
				t.Fatalf("status %d, gross %d (%v), want 201 and gross = net 49000: %s", status, created.TotalGrossCents, err, body)
			}
			b, _ := st.BookingByReference(context.Background(), created.Reference)
			docs, err := st.InvoicesForBooking(context.Background(), b.ID)
			if err != nil || len(docs) != 1 {
				t.Fatalf("%d invoices (%v)", len(docs), err)
			}
			doc, err := r.EInvoiceXML(docs[0])
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{"<ram:CategoryCode>E</ram:CategoryCode>", mode.note, invoice.GuidelineXRechnung} {
				if !strings.Contains(string(doc), w) {
					t.Errorf("XML lacks %s", w)
				}
			}
			all[t.Name()], xrechnung[t.Name()] = doc, doc
		})
	}
	if len(xrechnung) == 0 {
		t.Error("no booking produced an XRechnung")
	}
	for rules, docs := range map[string]map[string][]byte{einvoicetest.EN16931: all, einvoicetest.XRechnung: xrechnung} {
		for name, failures := range einvoicetest.Check(t, rules, docs) {
			for _, f := range failures {
				t.Errorf("%s: %s: %s", name, rules, f)
			}
		}
	}
}

// TestOnlineBookingFromAbroadOnTheForm: the booking form refuses a private person abroad for an
// online date with the reason at the VAT ID field, in the booker's language, keeps what was typed
// and takes no seat; with a VAT ID the same booking goes through as reverse charge.
func TestOnlineBookingFromAbroadOnTheForm(t *testing.T) {
	st := storetest.SQLite(t)
	date := storetest.SeedDate(t, st, storetest.DateOptions{Capacity: 5, Format: model.FormatOnline})
	ts := newServer(t, st)
	formURL := fmt.Sprintf("%s/book/%d", ts.URL, date.ID)
	abroad := func(vatID string) func(url.Values) {
		return func(v url.Values) {
			v.Set("billing.country", "AT")
			v.Set("billing.postal_code", "1010")
			v.Set("billing.city", "Wien")
			v.Set("billing.vat_id", vatID)
		}
	}
	cases := []struct {
		name       string
		lang       string
		vatID      string
		wantStatus int
		want       []string
		seatsAfter int
	}{
		{"private person in Austria, German", "de", "", http.StatusUnprocessableEntity,
			[]string{"nur an Unternehmen", `value="Wien"`, `aria-invalid="true"`, "Reverse-Charge-Verfahren"}, 0},
		{"private person in Austria, English", "en", "", http.StatusUnprocessableEntity,
			[]string{"to businesses only", `value="Wien"`}, 0},
		{"German VAT ID with an Austrian address", "de", "DE123456789", http.StatusUnprocessableEntity,
			[]string{"Rechnungslands"}, 0},
		{"Austrian company with VAT ID", "de", "ATU12345678", http.StatusSeeOther, nil, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cl := client(t)
			pageURL := map[string]string{"de": formURL, "en": strings.Replace(formURL, "/book/", "/en/book/", 1)}[c.lang]
			_, page, _ := do(t, cl, http.MethodGet, pageURL, "", "")
			status, body, _ := do(t, cl, http.MethodPost, pageURL, "application/x-www-form-urlencoded",
				bookingForm(csrfToken(t, page), 1, abroad(c.vatID)))
			if status != c.wantStatus {
				t.Fatalf("status %d, want %d: %.300s", status, c.wantStatus, body)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if d, _ := st.DateByID(t.Context(), date.ID); d.SeatsTaken != c.seatsAfter {
				t.Fatalf("seats taken %d, want %d", d.SeatsTaken, c.seatsAfter)
			}
		})
	}
}
