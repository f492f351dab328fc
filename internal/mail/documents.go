package mail

import (
	"context"
	"fmt"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// docCertificate is the DocumentRef kind of an attendee's certificate of attendance.
const docCertificate = "certificate"

// docOffer is the kind of an in-house offer's stored PDF attached to its mail.
const docOffer = "offer_pdf"

// DocumentRef names one file attached to a message: a file of an issued invoice or credit note
// (InvoiceID, Kind pdf or xml), or an attendee's certificate of attendance (BookingID,
// AttendeeID, Kind certificate), which is no tax document and is drawn when the message is sent.
type DocumentRef struct {
	InvoiceID  uint   `json:"invoice_id,omitempty"`
	OfferID    uint   `json:"offer_id,omitempty"` // an in-house offer's stored PDF (Kind docOffer)
	BookingID  uint   `json:"booking_id,omitempty"`
	AttendeeID uint   `json:"attendee_id,omitempty"`
	Kind       string `json:"kind"`
	Name       string `json:"name"` // the attachment's file name, RE-2026-00001.pdf
	// Rotation is the attendee's secret rotation a check-in QR code is drawn at (Kind checkin_qr).
	Rotation int64 `json:"rotation,omitempty"`
}

// documentRefs attaches both files of an issued document: the PDF and the e-invoice XML.
func documentRefs(inv model.Invoice) []DocumentRef {
	return []DocumentRef{
		{InvoiceID: inv.ID, Kind: model.DocumentPDF, Name: invoice.FileName(inv, model.DocumentPDF)},
		{InvoiceID: inv.ID, Kind: model.DocumentXML, Name: invoice.FileName(inv, model.DocumentXML)},
	}
}

// attachDocuments loads the files the message names and adds them to its attachments: an
// issued document's stored file (rendered and stored first if the render worker has not got to
// it yet), a certificate drawn now. m is the worker's copy: the loaded bytes never go back into
// the outbox row.
func (w *Worker) attachDocuments(ctx context.Context, m *Message) error {
	for _, ref := range m.Documents {
		a, err := w.loadDocument(ctx, ref)
		if err != nil {
			return fmt.Errorf("attachment %s: %w", ref.Name, err)
		}
		m.Attachments = append(m.Attachments, a)
	}
	return nil
}

func (w *Worker) loadDocument(ctx context.Context, ref DocumentRef) (Attachment, error) {
	if ref.Kind == docCheckInQR {
		return w.checkInQR(ref)
	}
	if ref.Kind == docOffer {
		o, err := w.store.OfferByID(ctx, ref.OfferID)
		if err != nil {
			return Attachment{}, err
		}
		doc, err := w.docs.OfferFile(ctx, o)
		return Attachment{Name: ref.Name, ContentType: doc.ContentType, Data: doc.Data}, err
	}
	if ref.Kind == docCertificate {
		pdf, err := w.certificate(ctx, ref.BookingID, ref.AttendeeID)
		return Attachment{Name: ref.Name, ContentType: "application/pdf", Data: pdf}, err
	}
	inv, err := w.store.InvoiceByID(ctx, ref.InvoiceID)
	if err != nil {
		return Attachment{}, err
	}
	doc, err := w.docs.File(ctx, inv, ref.Kind)
	return Attachment{Name: ref.Name, ContentType: doc.ContentType, Data: doc.Data}, err
}

// certificate draws the certificate of attendance of a booking's attendee.
func (w *Worker) certificate(ctx context.Context, bookingID, attendeeID uint) ([]byte, error) {
	b, err := w.store.BookingByID(ctx, bookingID)
	if err != nil {
		return nil, err
	}
	for _, a := range b.Attendees {
		if a.ID == attendeeID {
			return w.c.docs.Certificate(b, a, w.c.s.Seller, w.c.s.TrainerName)
		}
	}
	return nil, fmt.Errorf("attendee %d of booking %s: %w", attendeeID, b.Reference, model.ErrNotFound)
}
