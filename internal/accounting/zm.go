package accounting

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"seminars/internal/model"
)

// ReasonQuarter says a ZM quarter was not given as YYYY-Q1 … YYYY-Q4.
const ReasonQuarter model.Reason = "quarter"

// ZMLine is one customer's figure in a Zusammenfassende Meldung: the net sum of reverse-charge
// services (Art der Leistung "S", sonstige Leistung) to one VAT ID in the quarter, credit notes
// subtracted.
type ZMLine struct {
	Country  string // Länderkennzeichen, the VAT ID's prefix (EL for Greece)
	VATID    string // without the prefix
	NetCents int64
}

// Quarter parses "2026-Q1" into the period of that quarter.
func Quarter(s string, loc *time.Location) (Period, error) {
	year, q, ok := strings.Cut(strings.ToUpper(s), "-Q")
	y, errY := strconv.Atoi(year)
	n, errQ := strconv.Atoi(q)
	if !ok || errY != nil || errQ != nil || n < 1 || n > 4 || y < 2000 || y > 9999 {
		return Period{}, &model.FieldError{Field: "quarter", Reason: ReasonQuarter}
	}
	from := time.Date(y, time.Month(3*n-2), 1, 0, 0, 0, 0, loc)
	return Period{From: from, To: from.AddDate(0, 3, -1)}, nil
}

// ZM sums the reverse-charge documents issued in p per customer VAT ID, ordered by VAT ID. The
// ZM follows the invoice date whatever the date basis (§ 18a UStG: the period the service was
// supplied and invoiced in).
func (x *Exports) ZM(ctx context.Context, p Period) ([]ZMLine, error) {
	invs, err := x.Issued(ctx, p)
	if err != nil {
		return nil, err
	}
	sums := map[string]int64{}
	for _, inv := range invs {
		if inv.TaxTreatment != model.TaxReverseCharge {
			continue
		}
		sums[strings.ToUpper(strings.ReplaceAll(inv.Buyer.VATID, " ", ""))] += inv.NetCents
	}
	keys := make([]string, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]ZMLine, 0, len(keys))
	for _, k := range keys {
		line := ZMLine{VATID: k, NetCents: sums[k]}
		if len(k) > 2 {
			line.Country, line.VATID = k[:2], k[2:]
		}
		out = append(out, line)
	}
	return out, nil
}

// WriteZM writes the ZM figures of p as a small CSV (UTF-8, semicolons, CRLF): country code,
// VAT ID, the amount in whole euros as the ZM reports it (rounded half up) and to the cent, and
// the kind of supply.
func (x *Exports) WriteZM(ctx context.Context, w io.Writer, p Period) error {
	lines, err := x.ZM(ctx, p)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("Länderkennzeichen;USt-IdNr.;Betrag (EUR);Betrag (EUR, Cent);Art der Leistung\r\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "%s;%s;%d;%s;S\r\n", l.Country, l.VATID, wholeEuros(l.NetCents), signedComma(l.NetCents))
	}
	_, err = io.WriteString(w, b.String())
	return err
}

func wholeEuros(cents int64) int64 {
	if cents < 0 {
		return -((-cents + 50) / 100)
	}
	return (cents + 50) / 100
}

func signedComma(cents int64) string {
	if cents < 0 {
		return "-" + decimalComma(cents)
	}
	return decimalComma(cents)
}

// ZMName is the download name of the ZM figures of p.
func ZMName(p Period) string {
	return fmt.Sprintf("ZM_%d-Q%d.csv", p.From.Year(), (int(p.From.Month())+2)/3)
}
