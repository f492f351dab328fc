package accounting

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// The EXTF header's fixed values (DATEV-Format, header version 700, Buchungsstapel format 13).
const (
	extfVersion        = 700
	categoryBookings   = 21
	formatNameBookings = "Buchungsstapel"
	formatVersion      = 13
	bookingTypeFinance = 1 // Buchungstyp 1 = Finanzbuchführung
	batchDesignation   = "Seminare Ausgangsrechnungen"
)

// Entry is one document of an export with the day that puts it into the period (its issue or
// payment day, see Settings.DateBasis).
type Entry struct {
	Invoice model.Invoice
	Date    time.Time
}

// field is one value of a DATEV line: text is quoted (quotes doubled), numbers and dates are not.
type field struct {
	value string
	text  bool
}

func text(v string) field   { return field{value: v, text: true} }
func number(v string) field { return field{value: v} }

// writeLine writes the fields separated by semicolons, ended by CR LF, as Windows-1252.
func writeLine(w io.Writer, fields []field) error {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(';')
		}
		if f.text {
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(f.value, `"`, `""`))
			b.WriteByte('"')
		} else {
			b.WriteString(f.value)
		}
	}
	_, err := w.Write(append(windows1252(b.String()), '\r', '\n'))
	return err
}

// WriteDATEV writes entries of period p as a DATEV Buchungsstapel: the EXTF header line, the
// column header line, then one record per document, each debiting (invoice, S) or crediting
// (credit note, H) the collective debtor account against the revenue account of the document's
// tax treatment. created stamps the header. The period must lie in one fiscal year.
func WriteDATEV(w io.Writer, s Settings, p Period, created time.Time, entries []Entry) error {
	if err := p.oneFiscalYear(s.FiscalYearStartMonth); err != nil {
		return err
	}
	if err := writeLine(w, extfHeader(s, p, created)); err != nil {
		return err
	}
	columns := make([]field, len(bookingColumns))
	for i, c := range bookingColumns {
		columns[i] = number(c) // DATEV's own files write the column names unquoted
	}
	if err := writeLine(w, columns); err != nil {
		return err
	}
	for _, e := range entries {
		if err := writeLine(w, bookingRecord(s, e)); err != nil {
			return err
		}
	}
	return nil
}

// extfHeader is the first line: 31 fields that say what the file is, for whom, and for when.
func extfHeader(s Settings, p Period, created time.Time) []field {
	created = created.In(s.Location)
	return []field{
		text("EXTF"), number(strconv.Itoa(extfVersion)), number(strconv.Itoa(categoryBookings)),
		text(formatNameBookings), number(strconv.Itoa(formatVersion)),
		number(created.Format("20060102150405") + fmt.Sprintf("%03d", created.Nanosecond()/int(time.Millisecond))),
		number(""),       // 7 reserved
		text("RE"),       // 8 Herkunft
		text("Seminars"), // 9 exported by
		text(""),         // 10 imported by
		number(strconv.Itoa(s.ConsultantNumber)), number(strconv.Itoa(s.ClientNumber)),
		number(FiscalYearStart(p.From, s.FiscalYearStartMonth).Format("20060102")),
		number(strconv.Itoa(s.AccountLength)),
		number(p.From.Format("20060102")), number(p.To.Format("20060102")),
		text(batchDesignation),
		text(""), // 18 Diktatkürzel
		number(strconv.Itoa(bookingTypeFinance)),
		number("0"), // 20 Rechnungslegungszweck: none in particular
		number("0"), // 21 Festschreibung: left to the accountant
		text("EUR"), // 22 WKZ
		number(""),  // 23 reserved
		text(""),    // 24 Derivatskennzeichen
		number(""),  // 25 reserved
		number(""),  // 26 reserved
		text(s.chartCode()),
		number(""), // 28 ID der Branchenlösung
		number(""), // 29 reserved
		text(""),   // 30 reserved
		text(""),   // 31 Anwendungsinformation
	}
}

// bookingRecord is one document's line: all 125 fields, the unused ones empty.
func bookingRecord(s Settings, e Entry) []field {
	inv := e.Invoice
	rec := make([]field, len(bookingColumns))
	side := "S"
	if inv.IsCreditNote() {
		side = "H"
	}
	rec[colUmsatz] = number(decimalComma(inv.GrossCents))
	rec[colSollHaben] = text(side)
	rec[colWKZ] = text(inv.Currency)
	rec[colKonto] = number(strconv.Itoa(s.DebtorAccount))
	rec[colGegenkonto] = number(strconv.Itoa(s.RevenueAccount(inv.TaxTreatment)))
	rec[colBUSchluessel] = text("") // the revenue accounts are automatic accounts: no key
	rec[colBelegdatum] = number(e.Date.In(s.Location).Format("0201"))
	rec[colBelegfeld1] = text(truncate(inv.Number, 36))
	rec[colBuchungstext] = text(truncate(inv.Buyer.Name, 60))
	if inv.TaxTreatment == model.TaxReverseCharge {
		rec[colEULandUStID] = text(truncate(strings.ReplaceAll(inv.Buyer.VATID, " ", ""), 15))
	}
	if !inv.ServiceStart.IsZero() {
		rec[colLeistungsdatum] = number(inv.ServiceStart.In(s.Location).Format("02012006"))
	}
	return rec
}

// decimalComma writes cents as DATEV's positive amount with a decimal comma: 1234,56.
func decimalComma(cents int64) string {
	if cents < 0 {
		cents = -cents
	}
	return fmt.Sprintf("%d,%02d", cents/100, cents%100)
}

// truncate cuts s to at most n characters (DATEV's field lengths count characters).
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// FileName is the name DATEV expects the file to start with: EXTF_Buchungsstapel_….csv.
func FileName(p Period) string {
	return fmt.Sprintf("EXTF_Buchungsstapel_%s_%s.csv", p.From.Format("20060102"), p.To.Format("20060102"))
}
