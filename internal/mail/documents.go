package mail

import (
	"context"
	"fmt"

	"seminars/internal/invoice"
	"seminars/internal/model"
)

// DocumentRef names one file of an issued invoice or credit note attached to a message.
type DocumentRef struct {
	InvoiceID uint   `json:"invoice_id"`
	Kind      string `json:"kind"` // model.DocumentPDF or model.DocumentXML
	Name      string `json:"name"` // the attachment's file name, RE-2026-00001.pdf
}

// documentRefs attaches both files of an issued document: the PDF and the e-invoice XML.
func documentRefs(inv model.Invoice) []DocumentRef {
	return []DocumentRef{
		{InvoiceID: inv.ID, Kind: model.DocumentPDF, Name: invoice.FileName(inv, model.DocumentPDF)},
		{InvoiceID: inv.ID, Kind: model.DocumentXML, Name: invoice.FileName(inv, model.DocumentXML)},
	}
}

// attachDocuments loads the stored files the message names and adds them to its attachments,
// rendering and storing a file first if the render worker has not got to it yet. m is the
// worker's copy: the loaded bytes never go back into the outbox row.
func (w *Worker) attachDocuments(ctx context.Context, m *Message) error {
	for _, ref := range m.Documents {
		inv, err := w.store.InvoiceByID(ctx, ref.InvoiceID)
		if err != nil {
			return fmt.Errorf("attachment %s: %w", ref.Name, err)
		}
		doc, err := w.docs.File(ctx, inv, ref.Kind)
		if err != nil {
			return fmt.Errorf("attachment %s: %w", ref.Name, err)
		}
		m.Attachments = append(m.Attachments, Attachment{Name: ref.Name, ContentType: doc.ContentType, Data: doc.Data})
	}
	return nil
}
