package invoice

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"seminars/internal/model"
	"seminars/internal/store"
)

// OfferRenderer draws an in-house offer's PDF; *Renderer is one.
type OfferRenderer interface {
	OfferPDF(o model.Offer) ([]byte, error)
}

// OfferFileName is the name an offer's PDF is downloaded and mailed as: AN-2026-00001.pdf.
func OfferFileName(o model.Offer) string { return o.Number + ".pdf" }

// OfferFile returns the stored PDF of an offer, rendering and storing it first when the render
// worker has not got to it yet; from then on every download and mail gets the same bytes.
func (d *Documents) OfferFile(ctx context.Context, o model.Offer) (model.OfferDocument, error) {
	doc, err := d.st.OfferDocument(ctx, o.ID)
	if !errors.Is(err, model.ErrNotFound) {
		return doc, err
	}
	r, ok := d.render.(OfferRenderer)
	if !ok {
		return model.OfferDocument{}, fmt.Errorf("render %s: the document renderer draws no offers", OfferFileName(o))
	}
	data, err := r.OfferPDF(o)
	if err != nil {
		return model.OfferDocument{}, fmt.Errorf("render %s: %w", OfferFileName(o), err)
	}
	sum := sha256.Sum256(data)
	doc = model.OfferDocument{OfferID: o.ID, ContentType: "application/pdf", Data: data,
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), RenderedAt: d.now().UTC()}
	if err := d.st.WithTx(ctx, func(tx *store.Tx) error { return tx.StoreOfferDocument(ctx, &doc) }); err != nil {
		return model.OfferDocument{}, fmt.Errorf("store %s: %w", OfferFileName(o), err)
	}
	return d.st.OfferDocument(ctx, o.ID)
}

// renderOffer is the render worker's item for an offer's PDF.
func (d *Documents) renderOffer(ctx context.Context, offerID uint) error {
	o, err := d.st.OfferByID(ctx, offerID)
	if err != nil {
		return err
	}
	_, err = d.OfferFile(ctx, o)
	return err
}
