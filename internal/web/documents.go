package web

import (
	"context"
	"fmt"

	"seminars/internal/model"
)

// Kinds of documents in the booking JSON and on the manage page.
const (
	docInvoice     = "invoice"
	docCreditNote  = "credit_note"
	docEInvoice    = "e_invoice"
	docCertificate = "certificate"
)

// documents lists what a booker can download: each issued invoice or credit note as PDF and
// as e-invoice XML, and a certificate for each checked-in attendee. The links carry the manage
// token, as the documents are as private as the booking.
func (s *Server) documents(ctx context.Context, b model.Booking, token string) ([]documentJSON, error) {
	issued, err := s.store.InvoicesForBooking(ctx, b.ID)
	if err != nil {
		return nil, err
	}
	out := []documentJSON{}
	for _, inv := range issued {
		kind := docInvoice
		if inv.IsCreditNote() {
			kind = docCreditNote
		}
		out = append(out,
			documentJSON{Kind: kind, Number: inv.Number, URL: s.documentURL(b.Reference, inv.Number+".pdf", token)},
			documentJSON{Kind: docEInvoice, Number: inv.Number, URL: s.documentURL(b.Reference, inv.Number+".xml", token)},
		)
	}
	for _, a := range b.Attendees {
		if a.CheckedInAt != nil {
			file := fmt.Sprintf("certificate-%d.pdf", a.ID)
			out = append(out, documentJSON{Kind: docCertificate, Attendee: a.FullName(), URL: s.documentURL(b.Reference, file, token)})
		}
	}
	return out, nil
}

func (s *Server) documentURL(reference, file, token string) string {
	return s.cfg.BaseURL + "/b/" + reference + "/documents/" + file + "?t=" + token
}
