package invoice

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"golang.org/x/sync/singleflight"

	"seminars/internal/model"
	"seminars/internal/store"
	"seminars/internal/worker"
)

// ErrDocumentKind says a file kind other than model.DocumentPDF or model.DocumentXML was asked for.
var ErrDocumentKind = fmt.Errorf("document kind: %w", model.ErrNotFound)

// renderBatch bounds how many documents one render round takes.
const renderBatch = 50

// DocumentRenderer draws the files of an issued invoice or credit note. *Renderer is the one the
// service uses; tests put another in its place to show that stored files never change.
type DocumentRenderer interface {
	InvoicePDF(inv model.Invoice) ([]byte, error)
	EInvoiceXML(inv model.Invoice) ([]byte, error)
}

// Documents keeps the files of issued invoices and credit notes. Each file is rendered once —
// by the render worker after the issuing commit, or by the first reader that finds it missing —
// and stored; from then on every download and every mail gets the stored bytes.
type Documents struct {
	st     *store.Store
	render DocumentRenderer
	now    func() time.Time
	// rendering joins the callers of one missing file in this process into one render: the
	// render job and a mail that needs the file race for it after every booking, and each
	// rendered its own copy (an invoice PDF is most of the background CPU a booking costs).
	rendering singleflight.Group
}

// NewDocuments returns the document files of st, rendered by render when missing. now stamps
// rendered_at.
func NewDocuments(st *store.Store, render DocumentRenderer, now func() time.Time) *Documents {
	return &Documents{st: st, render: render, now: now}
}

// FileName is the name a document's file is downloaded and mailed as: RE-2026-00001.pdf.
func FileName(inv model.Invoice, kind string) string { return inv.Number + "." + kind }

// File returns the stored file of inv of kind, rendering and storing it first when it is not
// stored yet. Callers in this process racing on a missing file share one render; callers in
// two instances may both render it, but the unique index keeps the first one stored and both
// return that one.
func (d *Documents) File(ctx context.Context, inv model.Invoice, kind string) (model.IssuedDocument, error) {
	doc, err := d.st.IssuedDocument(ctx, inv.ID, kind)
	if !errors.Is(err, model.ErrNotFound) {
		return doc, err
	}
	if kind != model.DocumentPDF && kind != model.DocumentXML {
		return model.IssuedDocument{}, fmt.Errorf("%q of %s: %w", kind, inv.Number, ErrDocumentKind)
	}
	files, err := d.files(ctx, inv, []string{kind}, nil)
	return files[kind], err
}

// RenderAll makes sure both files of inv are stored; files already stored are left alone.
func (d *Documents) RenderAll(ctx context.Context, inv model.Invoice) error {
	_, err := d.files(ctx, inv, []string{model.DocumentPDF, model.DocumentXML}, nil)
	return err
}

// files returns the stored files of inv of kinds, rendering the missing ones and storing them
// in one transaction, which also runs also (the render job marks its item done in it): one
// write transaction per booking's documents instead of three. Callers in this process share
// one render per invoice at a time; one that joins a render of other kinds goes on with its
// own for the kinds still missing, and runs also in a transaction of its own if its render
// was not the one that ran.
func (d *Documents) files(ctx context.Context, inv model.Invoice, kinds []string, also func(*store.Tx) error) (map[string]model.IssuedDocument, error) {
	// The joined callers share one render, so it must not end with the first caller's
	// context: a mail round cut short would fail the render job waiting on it too.
	shared := context.WithoutCancel(ctx)
	key := strconv.FormatUint(uint64(inv.ID), 10)
	got := make(map[string]model.IssuedDocument, len(kinds))
	for {
		var missing []string
		for _, kind := range kinds {
			if _, ok := got[kind]; !ok {
				missing = append(missing, kind)
			}
		}
		if len(missing) == 0 {
			break
		}
		ran := false
		v, err, _ := d.rendering.Do(key, func() (any, error) {
			ran = true
			return d.renderMissing(shared, inv, missing, also)
		})
		if err != nil {
			return nil, err
		}
		for kind, doc := range v.(map[string]model.IssuedDocument) {
			got[kind] = doc
		}
		if ran {
			also = nil // ran in the render's transaction
		}
	}
	if also != nil {
		if err := d.st.WithTx(ctx, also); err != nil {
			return nil, err
		}
	}
	return got, nil
}

// renderMissing renders the kinds of inv not stored yet and stores them with also in one
// transaction, returning the stored file of each kind.
func (d *Documents) renderMissing(ctx context.Context, inv model.Invoice, kinds []string, also func(*store.Tx) error) (map[string]model.IssuedDocument, error) {
	out := make(map[string]model.IssuedDocument, len(kinds))
	var rendered []model.IssuedDocument
	for _, kind := range kinds {
		// A caller that finished just before this one joined has stored the file already.
		doc, err := d.st.IssuedDocument(ctx, inv.ID, kind)
		if err == nil {
			out[kind] = doc
			continue
		}
		if !errors.Is(err, model.ErrNotFound) {
			return nil, err
		}
		if doc, err = d.renderFile(inv, kind); err != nil {
			return nil, err
		}
		rendered = append(rendered, doc)
	}
	if len(rendered) == 0 && also == nil {
		return out, nil
	}
	var lost []string // kinds another instance stored first
	err := d.st.WithTx(ctx, func(tx *store.Tx) error {
		lost = lost[:0]
		for i := range rendered {
			doc := rendered[i] // a retried transaction inserts afresh
			stored, err := tx.StoreIssuedDocument(ctx, &doc)
			if err != nil {
				return fmt.Errorf("store %s: %w", FileName(inv, doc.Kind), err)
			}
			if stored {
				out[doc.Kind] = doc
			} else {
				lost = append(lost, doc.Kind)
			}
		}
		if also != nil {
			return also(tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, kind := range lost {
		doc, err := d.st.IssuedDocument(ctx, inv.ID, kind)
		if err != nil {
			return nil, err
		}
		out[kind] = doc
	}
	return out, nil
}

func (d *Documents) renderFile(inv model.Invoice, kind string) (model.IssuedDocument, error) {
	var data []byte
	var contentType string
	var err error
	switch kind {
	case model.DocumentPDF:
		data, err = d.render.InvoicePDF(inv)
		contentType = "application/pdf"
	case model.DocumentXML:
		data, err = d.render.EInvoiceXML(inv)
		contentType = "application/xml"
	default:
		return model.IssuedDocument{}, fmt.Errorf("%q of %s: %w", kind, inv.Number, ErrDocumentKind)
	}
	if err != nil {
		return model.IssuedDocument{}, fmt.Errorf("render %s: %w", FileName(inv, kind), err)
	}
	sum := sha256.Sum256(data)
	return model.IssuedDocument{
		InvoiceID: inv.ID, Kind: kind, ContentType: contentType, Data: data,
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), RenderedAt: d.now().UTC(),
	}, nil
}

// renderItem is the outbox item, enqueued inside the issuing transaction, that asks for the
// files of a new document.
func renderItem(inv model.Invoice) store.JSONItem {
	key := model.TopicDocumentRender.Key("invoice:" + strconv.FormatUint(uint64(inv.ID), 10))
	return store.JSONItem{Topic: model.TopicDocumentRender, Key: key, Payload: model.DocumentRenderPayload{InvoiceID: inv.ID}, Due: inv.IssuedAt}
}

// RenderQueue is the document.render outbox queue, for worker.Runner: each item renders and
// stores the files of one issued document. Rendering is idempotent, so two workers on one item
// do no harm; a renderer failure (ErrRender) is permanent and parks the item after
// worker_max_attempts attempts. It draws on every core at once (pdfsAtOnce) when users leave
// them free, and gives way while they write (Yield).
func (d *Documents) RenderQueue() worker.Queue {
	return worker.Queue{Topic: model.TopicDocumentRender, Batch: renderBatch, Handle: d.renderItem, Parallel: pdfsAtOnce(), Yield: true}
}

// RenderDue renders the files of documents issued since the last round, up to one batch, and
// returns how many items it took.
func (d *Documents) RenderDue(ctx context.Context, jobs *worker.Runner, now time.Time) (int, error) {
	return jobs.Drain(ctx, d.RenderQueue(), now)
}

func (d *Documents) renderItem(ctx context.Context, item model.OutboxItem, now time.Time) error {
	var p model.DocumentRenderPayload
	if err := worker.Decode(item, &p); err != nil {
		return err
	}
	if p.OfferID != 0 {
		err := d.renderOffer(ctx, p.OfferID)
		if errors.Is(err, model.ErrNotFound) {
			return worker.Permanent(err)
		}
		if err != nil {
			return err
		}
		return d.st.WithTx(ctx, func(tx *store.Tx) error { return tx.MarkOutboxDone(ctx, item.ID, now) })
	}
	inv, err := d.st.InvoiceByID(ctx, p.InvoiceID)
	if errors.Is(err, model.ErrNotFound) {
		return worker.Permanent(err) // nothing to render, ever
	}
	if err != nil {
		return err
	}
	_, err = d.files(ctx, inv, []string{model.DocumentPDF, model.DocumentXML},
		func(tx *store.Tx) error { return tx.MarkOutboxDone(ctx, item.ID, now) })
	return err
}
