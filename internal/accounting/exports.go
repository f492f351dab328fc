package accounting

import (
	"context"
	"io"
	"time"

	"seminars/internal/model"
	"seminars/internal/store"
)

// DocumentFiles gives the stored file of an issued document (*invoice.Documents), rendering and
// storing it first if the render worker has not got to it yet.
type DocumentFiles interface {
	File(ctx context.Context, inv model.Invoice, kind string) (model.IssuedDocument, error)
}

// Exports builds the accountant's files from the store.
type Exports struct {
	st       *store.Store
	files    DocumentFiles
	settings Settings
	now      func() time.Time
}

// NewExports returns the exports of st under settings; now stamps the files it makes.
func NewExports(st *store.Store, files DocumentFiles, settings Settings, now func() time.Time) *Exports {
	return &Exports{st: st, files: files, settings: settings, now: now}
}

// Settings are the settings the exports run under.
func (x *Exports) Settings() Settings { return x.settings }

// Issued lists the invoices and credit notes issued in p, oldest first.
func (x *Exports) Issued(ctx context.Context, p Period) ([]model.Invoice, error) {
	return x.st.InvoicesIssuedBetween(ctx, p.From, p.End())
}

// Entries are the documents that belong to p under the date basis, each with its booking day,
// oldest first.
func (x *Exports) Entries(ctx context.Context, p Period) ([]Entry, error) {
	if x.settings.DateBasis != BasisPayment {
		invs, err := x.Issued(ctx, p)
		if err != nil {
			return nil, err
		}
		out := make([]Entry, len(invs))
		for i, inv := range invs {
			out[i] = Entry{Invoice: inv, Date: inv.IssuedAt}
		}
		return out, nil
	}
	invs, err := x.st.InvoicesIssuedBefore(ctx, p.End())
	if err != nil {
		return nil, err
	}
	ids := make([]uint, 0, len(invs))
	for _, inv := range invs {
		ids = append(ids, inv.BookingID)
	}
	paid, err := x.st.BookingsPaidAt(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, inv := range invs {
		at, ok := paid[inv.BookingID]
		if !ok {
			continue // not paid (yet): neither its invoice nor a credit note against it is booked
		}
		day := later(at, inv.IssuedAt) // paid in advance, or refunded after payment: the later day
		if p.Contains(day) {
			out = append(out, Entry{Invoice: inv, Date: day})
		}
	}
	return out, nil
}

// CheckDATEVPeriod refuses a period DATEV cannot take in one file: one across the start of a
// fiscal year (a *model.FieldError on "to").
func (x *Exports) CheckDATEVPeriod(p Period) error {
	return p.oneFiscalYear(x.settings.FiscalYearStartMonth)
}

// WriteDATEV writes the Buchungsstapel of p (see the package function WriteDATEV).
func (x *Exports) WriteDATEV(ctx context.Context, w io.Writer, p Period) error {
	if err := x.CheckDATEVPeriod(p); err != nil {
		return err
	}
	entries, err := x.Entries(ctx, p)
	if err != nil {
		return err
	}
	return WriteDATEV(w, x.settings, p, x.now(), entries)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
