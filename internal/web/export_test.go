package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"seminars/internal/app/apptest"
	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/store/storetest"
)

// exportClock is when the export tests run: early February, the accountant wants January.
var exportClock = storetest.InBerlin(2026, 2, 3, 9, 0)

// newAdminEnvOn is newAdminEnv on a given store and clock (SQLite or PostgreSQL).
func newAdminEnvOn(t *testing.T, st *store.Store, clk *storetest.Clock) *adminEnv {
	t.Helper()
	a := apptest.NewWith(t, st, apptest.Config(t), clk.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
	srv, err := New(a)
	if err != nil {
		t.Fatal(err)
	}
	env := &adminEnv{t: t, srv: srv, st: st, http: httptest.NewServer(srv.Handler())}
	t.Cleanup(env.http.Close)
	env.owner = env.addUser("owner@example.com", model.RoleOwner)
	env.addUser("assistant@example.com", model.RoleAssistant)
	return env
}

// exportDoc is a document the export tests issue, with the files stored for it.
type exportDoc struct {
	inv      model.Invoice
	pdf, xml []byte
}

// seedExportDocs stores invoices and credit notes around January 2026, each with stored files
// whose bytes no renderer would make, so the ZIP shows it serves what was stored.
func seedExportDocs(t *testing.T, st *store.Store) []exportDoc {
	t.Helper()
	mk := func(kind, number string, tax model.TaxTreatment, buyer, vatID string, net, vat int64, at time.Time) exportDoc {
		seq := len(number)
		inv := model.Invoice{
			Kind: kind, Number: number, Year: at.Year(), Sequence: seq, BookingID: 1, BookingReference: "SEM-TEST",
			IssuedAt: at.UTC(), ServiceStart: at.UTC(), ServiceEnd: at.UTC(), TaxTreatment: tax,
			Buyer: model.Party{Name: buyer, VATID: vatID, Country: "DE"}, Seller: model.Party{Name: "Seller"},
			Lines:    []model.InvoiceLine{{Description: "Seminar", Quantity: 1, UnitNetCents: net, NetCents: net}},
			NetCents: net, VATCents: vat, GrossCents: net + vat, Currency: "EUR", Language: "de",
			PaymentMethod: model.PaymentInvoice, PaymentStatus: model.PaymentUnpaid,
		}
		if kind == model.InvoiceKindCreditNote {
			inv.OriginalNumber = "RE-2026-00001"
		}
		return exportDoc{inv: inv, pdf: []byte("%PDF stored " + number), xml: []byte("<stored>" + number + "</stored>")}
	}
	docs := []exportDoc{
		mk(model.InvoiceKindInvoice, "RE-2025-00099", model.TaxStandard, "Vorjahr GmbH", "", 10000, 1900, storetest.InBerlin(2025, 12, 31, 23, 30)),
		mk(model.InvoiceKindInvoice, "RE-2026-00001", model.TaxStandard, `Müller; Söhne "Digital" GmbH 🚀`, "", 49000, 9310, storetest.InBerlin(2026, 1, 1, 0, 15)),
		mk(model.InvoiceKindInvoice, "RE-2026-00002", model.TaxReverseCharge, "Österreich Medien GmbH", "ATU12345678", 98000, 0, storetest.InBerlin(2026, 1, 15, 9, 0)),
		mk(model.InvoiceKindCreditNote, "GS-2026-00001", model.TaxStandard, `Müller; Söhne "Digital" GmbH 🚀`, "", -24500, -4655, storetest.InBerlin(2026, 1, 20, 14, 0)),
		mk(model.InvoiceKindInvoice, "RE-2026-00003", model.TaxNotTaxable, "Zürich AG", "", 120000, 0, storetest.InBerlin(2026, 1, 31, 23, 30)),
		mk(model.InvoiceKindInvoice, "RE-2026-00004", model.TaxStandard, "Februar GmbH", "", 10000, 1900, storetest.InBerlin(2026, 2, 1, 0, 30)),
	}
	ctx := context.Background()
	err := st.WithTx(ctx, func(tx *store.Tx) error {
		for i := range docs {
			if err := tx.CreateInvoice(ctx, &docs[i].inv); err != nil {
				return err
			}
			for kind, data := range map[string][]byte{model.DocumentPDF: docs[i].pdf, model.DocumentXML: docs[i].xml} {
				doc := model.IssuedDocument{InvoiceID: docs[i].inv.ID, Kind: kind, ContentType: "application/" + kind,
					Data: data, SHA256: strings.Repeat("0", 64), Size: int64(len(data)), RenderedAt: docs[i].inv.IssuedAt}
				if _, err := tx.StoreIssuedDocument(ctx, &doc); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs[1:5] // January's
}

// get sends a GET with a bearer token (or none) and returns the whole answer.
func (e *adminEnv) get(path, token string) (*http.Response, []byte) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.http.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func (e *adminEnv) token(role string) string {
	e.t.Helper()
	token, err := e.srv.auth.CreateAPIToken(context.Background(), "export-"+role, role)
	if err != nil {
		e.t.Fatal(err)
	}
	return token
}

func TestExportsAccess(t *testing.T) {
	storetest.EachAt(t, exportClock, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		seedExportDocs(t, st)
		owner, assistant := env.token(model.RoleOwner), env.token(model.RoleAssistant)
		jan := "?from=2026-01-01&to=2026-01-31"
		cases := []struct {
			name, path, token string
			want              int
			wantBody          string
		}{
			{"datev", "/api/v1/admin/exports/datev" + jan, owner, http.StatusOK, "EXTF"},
			{"datev, assistant", "/api/v1/admin/exports/datev" + jan, assistant, http.StatusForbidden, `"forbidden"`},
			{"datev, no token", "/api/v1/admin/exports/datev" + jan, "", http.StatusUnauthorized, ""},
			{"datev across years", "/api/v1/admin/exports/datev?from=2025-12-01&to=2026-01-31", owner, http.StatusBadRequest, "Wirtschaftsjahr"},
			{"datev, bad date", "/api/v1/admin/exports/datev?from=2026-13-01&to=2026-01-31", owner, http.StatusBadRequest, `"from"`},
			{"datev, reversed", "/api/v1/admin/exports/datev?from=2026-02-01&to=2026-01-31", owner, http.StatusBadRequest, `"to"`},
			{"datev, no period", "/api/v1/admin/exports/datev", owner, http.StatusBadRequest, `"from"`},
			{"zip", "/api/v1/admin/exports/documents.zip" + jan, owner, http.StatusOK, ""},
			{"zip, assistant", "/api/v1/admin/exports/documents.zip" + jan, assistant, http.StatusForbidden, ""},
			{"zm", "/api/v1/admin/exports/zm?quarter=2026-Q1", owner, http.StatusOK, "AT;U12345678;980;980,00;S"},
			{"zm, assistant", "/api/v1/admin/exports/zm?quarter=2026-Q1", assistant, http.StatusForbidden, ""},
			{"zm, bad quarter", "/api/v1/admin/exports/zm?quarter=2026-Q5", owner, http.StatusBadRequest, `"quarter"`},
			{"invoices", "/api/v1/admin/invoices" + jan, assistant, http.StatusOK, `"number":"GS-2026-00001"`},
			{"invoices, bad period", "/api/v1/admin/invoices?from=x", owner, http.StatusBadRequest, `"from"`},
			{"invoice pdf", "/api/v1/admin/invoices/RE-2026-00002/pdf", assistant, http.StatusOK, "%PDF stored RE-2026-00002"},
			{"invoice xml", "/api/v1/admin/invoices/GS-2026-00001/xml", owner, http.StatusOK, "<stored>GS-2026-00001</stored>"},
			{"invoice, other kind", "/api/v1/admin/invoices/GS-2026-00001/docx", owner, http.StatusNotFound, ""},
			{"invoice, unknown", "/api/v1/admin/invoices/RE-1999-00001/pdf", owner, http.StatusNotFound, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				res, body := env.get(c.path, c.token)
				if res.StatusCode != c.want || !strings.Contains(string(body), c.wantBody) {
					t.Fatalf("status %d (want %d), body %.300s (want %q)", res.StatusCode, c.want, body, c.wantBody)
				}
			})
		}
		pages := []struct {
			name, who, path string
			want            int
			wantBody        string
		}{
			{"page", "owner@example.com", "/admin/exports" + jan, http.StatusOK, "RE-2026-00003"},
			{"page, first visit picks last month", "owner@example.com", "/admin/exports", http.StatusOK, `value="2026-01-31"`},
			{"page across years", "owner@example.com", "/admin/exports?from=2025-12-01&to=2026-01-31", http.StatusBadRequest, "Wirtschaftsjahr"},
			{"page, assistant", "assistant@example.com", "/admin/exports" + jan, http.StatusForbidden, ""},
			{"datev download, assistant", "assistant@example.com", "/admin/exports/datev.csv" + jan, http.StatusForbidden, ""},
			{"datev download", "owner@example.com", "/admin/exports/datev.csv" + jan, http.StatusOK, "EXTF"},
			{"zip download", "owner@example.com", "/admin/exports/documents.zip" + jan, http.StatusOK, ""},
			{"invoice pdf, assistant", "assistant@example.com", "/admin/invoices/RE-2026-00001/pdf", http.StatusOK, "%PDF stored"},
		}
		for _, c := range pages {
			t.Run(c.name, func(t *testing.T) {
				res, body := env.signedIn(c.who).get(c.path)
				if res.StatusCode != c.want || !strings.Contains(body, c.wantBody) {
					t.Fatalf("status %d (want %d), body %.300s (want %q)", res.StatusCode, c.want, body, c.wantBody)
				}
			})
		}
	})
}

// TestDATEVExportReadsBack parses the served file as DATEV would: Windows-1252, CR LF, the EXTF
// header, the column line, one record per document of the period with as many fields as the
// column line, and Umsatz per S and H summing to the period's invoices and credit notes.
func TestDATEVExportReadsBack(t *testing.T) {
	storetest.EachAt(t, exportClock, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		docs := seedExportDocs(t, st)
		res, raw := env.get("/api/v1/admin/exports/datev?from=2026-01-01&to=2026-01-31", env.token(model.RoleOwner))
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
			!strings.Contains(res.Header.Get("Content-Disposition"), "EXTF_Buchungsstapel_20260101_20260131.csv") {
			t.Fatalf("status %d, headers %v", res.StatusCode, res.Header)
		}
		text, err := charmap.Windows1252.NewDecoder().Bytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(text), "\r\n")
		if lines[len(lines)-1] != "" || strings.Contains(string(text), "\n\n") {
			t.Fatal("the file must end with CR LF and have no bare LF")
		}
		r := csv.NewReader(bytes.NewReader(text))
		r.Comma, r.FieldsPerRecord = ';', -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		head := recs[0]
		for i, want := range map[int]string{0: "EXTF", 1: "700", 2: "21", 3: "Buchungsstapel", 4: "13", 5: "20260203090000000",
			10: "1001", 11: "1", 12: "20260101", 13: "4", 14: "20260101", 15: "20260131", 21: "EUR", 26: "03"} {
			if head[i] != want {
				t.Errorf("header field %d = %q, want %q", i+1, head[i], want)
			}
		}
		columns := recs[1]
		if len(head) != 31 || len(columns) != 125 || columns[0] != "Umsatz (ohne Soll/Haben-Kz)" || columns[7] != "Gegenkonto (ohne BU-Schlüssel)" {
			t.Fatalf("header %d fields, columns %d: %q", len(head), len(columns), columns[:10])
		}
		col := map[string]int{}
		for i, name := range columns {
			col[name] = i
		}
		if len(recs)-2 != len(docs) {
			t.Fatalf("%d records, want the %d documents of January", len(recs)-2, len(docs))
		}
		sums := map[string]int64{}
		byNumber := map[string][]string{}
		for _, rec := range recs[2:] {
			if len(rec) != len(columns) {
				t.Fatalf("record has %d fields, the column line %d", len(rec), len(columns))
			}
			sums[rec[col["Soll/Haben-Kennzeichen"]]] += cents(t, rec[col["Umsatz (ohne Soll/Haben-Kz)"]])
			byNumber[rec[col["Belegfeld 1"]]] = rec
		}
		var invoices, credits int64
		for _, d := range docs {
			if d.inv.IsCreditNote() {
				credits -= d.inv.GrossCents
			} else {
				invoices += d.inv.GrossCents
			}
		}
		if sums["S"] != invoices || sums["H"] != credits {
			t.Fatalf("S %d H %d, want the period's invoices %d and credit notes %d", sums["S"], sums["H"], invoices, credits)
		}
		first := byNumber["RE-2026-00001"]
		if first[col["Buchungstext"]] != `Müller; Söhne "Digital" GmbH ?` || first[col["Belegdatum"]] != "0101" ||
			first[col["Konto"]] != "10000" || first[col["Gegenkonto (ohne BU-Schlüssel)"]] != "8400" {
			t.Errorf("first record: text %q, date %q, accounts %q/%q", first[col["Buchungstext"]], first[col["Belegdatum"]],
				first[col["Konto"]], first[col["Gegenkonto (ohne BU-Schlüssel)"]])
		}
		if rc := byNumber["RE-2026-00002"]; rc[col["Gegenkonto (ohne BU-Schlüssel)"]] != "8336" || rc[col["EU-Land u. UStID (Bestimmung)"]] != "ATU12345678" {
			t.Errorf("reverse charge record %q", rc[:12])
		}
		if late := byNumber["RE-2026-00003"]; late[col["Belegdatum"]] != "3101" || late[col["Gegenkonto (ohne BU-Schlüssel)"]] != "8338" {
			t.Errorf("late-evening record %q", late[:12])
		}
		if gs := byNumber["GS-2026-00001"]; gs[col["Soll/Haben-Kennzeichen"]] != "H" || gs[col["Umsatz (ohne Soll/Haben-Kz)"]] != "291,55" {
			t.Errorf("credit note %q", gs[:3])
		}
	})
}

func cents(t *testing.T, umsatz string) int64 {
	t.Helper()
	euros, rest, ok := strings.Cut(umsatz, ",")
	if !ok || len(rest) != 2 {
		t.Fatalf("Umsatz %q is not like 1234,56", umsatz)
	}
	var c int64
	for _, r := range euros + rest {
		if r < '0' || r > '9' {
			t.Fatalf("Umsatz %q", umsatz)
		}
		c = c*10 + int64(r-'0')
	}
	return c
}

// TestDocumentsZIPHoldsTheStoredFiles checks that the ZIP of a period holds the PDF and XML of
// every document issued in it, byte for byte as stored, and nothing else.
func TestDocumentsZIPHoldsTheStoredFiles(t *testing.T) {
	storetest.EachAt(t, exportClock, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		docs := seedExportDocs(t, st)
		res, raw := env.get("/api/v1/admin/exports/documents.zip?from=2026-01-01&to=2026-01-31", env.token(model.RoleOwner))
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/zip" {
			t.Fatalf("status %d, %s", res.StatusCode, res.Header.Get("Content-Type"))
		}
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]byte{}
		for _, d := range docs {
			want[d.inv.Number+".pdf"], want[d.inv.Number+".xml"] = d.pdf, d.xml
		}
		if len(zr.File) != len(want) {
			t.Fatalf("%d files in the ZIP, want %d", len(zr.File), len(want))
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(rc)
			rc.Close()
			if w, ok := want[f.Name]; !ok || !bytes.Equal(got, w) {
				t.Errorf("%s: %q, want the stored %q", f.Name, got, w)
			}
		}
	})
}

func TestAdminInvoiceList(t *testing.T) {
	storetest.EachAt(t, exportClock, func(t *testing.T, st *store.Store, clk *storetest.Clock) {
		env := newAdminEnvOn(t, st, clk)
		docs := seedExportDocs(t, st)
		res, body := env.get("/api/v1/admin/invoices?from=2026-01-01&to=2026-01-31", env.token(model.RoleOwner))
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, body)
		}
		var got struct{ Invoices []adminInvoiceJSON }
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Invoices) != len(docs) {
			t.Fatalf("%d documents, want %d: %s", len(got.Invoices), len(docs), body)
		}
		for i, d := range docs {
			g := got.Invoices[i]
			if g.Number != d.inv.Number || g.Kind != d.inv.Kind || g.GrossCents != d.inv.GrossCents || g.VATCents != d.inv.VATCents ||
				g.BookingReference != "SEM-TEST" || g.IssuedOn != d.inv.IssuedAt.In(storetest.Berlin()).Format("2006-01-02") ||
				!strings.HasSuffix(g.Documents["pdf"], "/api/v1/admin/invoices/"+d.inv.Number+"/pdf") {
				t.Errorf("document %d: %+v, want %s", i, g, d.inv.Number)
			}
		}
	})
}
